global using Orleans;
global using Orleans.Runtime;
global using OrleansMonitor.GrainInterfaces.Monitors;

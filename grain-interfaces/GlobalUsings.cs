global using Orleans;
global using Orleans.Concurrency;
global using OrleansMonitor.GrainInterfaces.Monitors;

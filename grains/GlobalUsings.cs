global using Orleans;
global using Orleans.Concurrency;
global using Orleans.Runtime;
global using OrleansMonitor.GrainInterfaces.Alerting;
global using OrleansMonitor.GrainInterfaces.Monitors;

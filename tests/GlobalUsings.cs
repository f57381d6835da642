global using Orleans;
global using OrleansMonitor.GrainInterfaces.Alerting;
global using OrleansMonitor.GrainInterfaces.Monitors;
global using Xunit;

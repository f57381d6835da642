global using Orleans;
global using OrleansMonitor.ApiHost.Auth;
global using OrleansMonitor.ApiHost.Errors;
global using OrleansMonitor.GrainInterfaces.Identity;
global using OrleansMonitor.GrainInterfaces.Monitors;

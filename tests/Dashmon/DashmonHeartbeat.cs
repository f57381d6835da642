namespace OrleansMonitor.Tests.Dashmon;

/// <summary>A push device's deadline as the device object shows it: the interval and the grace after it, in seconds.</summary>
public sealed record DashmonHeartbeat(int Interval, int Grace);

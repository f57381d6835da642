namespace OrleansMonitor.Tests.Monoduty;

public sealed record MonodutyWebhookList(bool Success, IReadOnlyList<MonodutyWebhook> Webhooks, int Total);

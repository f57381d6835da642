namespace OrleansMonitor.Tests.Monoduty;

public sealed record MonodutyWebhookBody(bool Success, MonodutyWebhook Webhook);

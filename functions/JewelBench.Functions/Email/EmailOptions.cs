namespace JewelBench.Functions.Email;

/// <summary>The "jewelbench:email" section of host.json. With no SendGrid key, mail stays in the outbox: nothing leaves the machine.</summary>
public sealed class EmailOptions
{
    /// <summary>A secret: set it through the environment (jewelbench__email__sendGridApiKey), never in host.json, never logged.</summary>
    public string SendGridApiKey { get; set; } = "";
    public string SendGridBaseUrl { get; set; } = "https://api.sendgrid.com";

    /// <summary>The sender address (a verified SendGrid sender); the From name is the shop's name.</summary>
    public string FromAddress { get; set; } = "bench@jewelbench.local";

    /// <summary>Where replies go; empty for the From address.</summary>
    public string ReplyToAddress { get; set; } = "";

    public TimeSpan SendTimeout { get; set; } = TimeSpan.FromSeconds(30);

    public bool SendsMail => !string.IsNullOrWhiteSpace(SendGridApiKey);
}

using System.Net;
using System.Text;
using JewelBench.Core.Shops;

namespace JewelBench.Functions.Email;

/// <summary>A label and value row, e.g. an invoice line or a total; with a URL (absolute http(s)) the label links to it.</summary>
public sealed record EmailFact(string Label, string Value, string? Url = null);

/// <summary>A button: its text and an absolute http(s) URL.</summary>
public sealed record EmailLink(string Text, string Url);

/// <summary>What an email says; the composer gives it the shop's look and footer.</summary>
public sealed record EmailContent(string Subject, string Heading, IReadOnlyList<string> Paragraphs, IReadOnlyList<EmailFact> Facts,
    EmailLink? Action = null, IReadOnlyList<string>? ImageUrls = null, EmailLink? OptOut = null);

public sealed record ComposedEmail(string Subject, string Html, string Text);

/// <summary>
/// Builds a complete HTML document and its plain-text twin. Mail clients drop &lt;style&gt; blocks and external CSS, so
/// every style is inline; every value is HTML-encoded, so a customer's name can never become markup.
/// </summary>
public static class EmailComposer
{
    private const string Font = "font-family:Helvetica,Arial,sans-serif;color:#2b2722;";

    public static ComposedEmail Compose(EmailContent content, ShopProfile shop) => Compose(content, shop.Name, shop.Address);

    public static ComposedEmail Compose(EmailContent content, string shopName, string shopAddress)
    {
        var images = content.ImageUrls ?? [];
        foreach (var url in images.Append(content.Action?.Url).Append(content.OptOut?.Url).Concat(content.Facts.Select(f => f.Url)).OfType<string>()) RequireAbsolute(url);
        return new ComposedEmail(content.Subject, Html(content, images, shopName, shopAddress), Text(content, shopName, shopAddress));
    }

    private static string Html(EmailContent c, IReadOnlyList<string> images, string shopName, string shopAddress)
    {
        static string E(string? s) => WebUtility.HtmlEncode(s ?? "");
        var body = new StringBuilder();
        body.Append($"<h1 style=\"{Font}font-size:22px;margin:0 0 16px;\">{E(c.Heading)}</h1>");
        foreach (var p in c.Paragraphs) body.Append($"<p style=\"{Font}font-size:15px;line-height:1.5;margin:0 0 12px;\">{E(p)}</p>");
        if (c.Facts.Count > 0)
        {
            body.Append("<table role=\"presentation\" style=\"width:100%;border-collapse:collapse;margin:8px 0 16px;\">");
            foreach (var f in c.Facts)
                body.Append($"<tr><td style=\"{Font}font-size:14px;padding:6px 0;border-bottom:1px solid #e8e2d9;\">{Label(f)}</td>" +
                            $"<td style=\"{Font}font-size:14px;padding:6px 0;border-bottom:1px solid #e8e2d9;text-align:right;\">{E(f.Value)}</td></tr>");
            body.Append("</table>");
        }
        foreach (var url in images)
            body.Append($"<p style=\"margin:0 0 12px;\"><img src=\"{E(url)}\" alt=\"\" width=\"256\" style=\"max-width:100%;height:auto;border-radius:6px;\"></p>");
        if (c.Action is { } a)
            body.Append($"<p style=\"margin:20px 0;\"><a href=\"{E(a.Url)}\" style=\"{Font}display:inline-block;background:#8a6d1f;color:#ffffff;" +
                        $"text-decoration:none;font-weight:bold;font-size:15px;padding:12px 20px;border-radius:6px;\">{E(a.Text)}</a></p>");
        return "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">" +
               "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">" +
               $"<title>{E(c.Subject)}</title></head><body style=\"margin:0;padding:0;background:#f6f3ee;\">" +
               "<table role=\"presentation\" style=\"width:100%;border-collapse:collapse;background:#f6f3ee;\"><tr><td style=\"padding:24px 12px;\">" +
               "<table role=\"presentation\" style=\"max-width:560px;width:100%;margin:0 auto;border-collapse:collapse;background:#ffffff;border-radius:8px;\">" +
               $"<tr><td style=\"padding:28px 24px;\">{body}</td></tr>" +
               $"<tr><td style=\"{Font}font-size:12px;color:#6f6a62;padding:16px 24px;border-top:1px solid #e8e2d9;\">" +
               $"<strong>{E(shopName)}</strong><br>{E(shopAddress).ReplaceLineEndings("<br>")}" +
               (c.OptOut is { } o ? $"<br><br><a href=\"{E(o.Url)}\" style=\"color:#6f6a62;\">{E(o.Text)}</a>" : "") + "</td></tr>" +
               "</table></td></tr></table></body></html>";
    }

    private static string Label(EmailFact f) => f.Url is { } url
        ? $"<a href=\"{WebUtility.HtmlEncode(url)}\" style=\"{Font}color:#8a6d1f;\">{WebUtility.HtmlEncode(f.Label)}</a>"
        : WebUtility.HtmlEncode(f.Label);

    private static string Text(EmailContent c, string shopName, string shopAddress)
    {
        var text = new StringBuilder().AppendLine(c.Heading).AppendLine();
        foreach (var p in c.Paragraphs) text.AppendLine(p).AppendLine();
        foreach (var f in c.Facts)
        {
            text.AppendLine($"{f.Label}: {f.Value}");
            if (f.Url is { } url) text.AppendLine($"  {url}");
        }
        if (c.Facts.Count > 0) text.AppendLine();
        if (c.Action is { } a) text.AppendLine($"{a.Text}: {a.Url}").AppendLine();
        foreach (var url in c.ImageUrls ?? []) text.AppendLine($"Photo: {url}");
        if (c.ImageUrls is { Count: > 0 }) text.AppendLine();
        text.AppendLine("--").AppendLine(shopName).AppendLine(shopAddress);
        if (c.OptOut is { } o) text.AppendLine().AppendLine($"{o.Text}: {o.Url}");
        return text.ToString().TrimEnd() + "\n";
    }

    /// <summary>A relative or javascript: URL would be broken or dangerous in a mail client.</summary>
    private static void RequireAbsolute(string url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http"))
            throw new ArgumentException($"An email can only link to an absolute http(s) URL, not {url}.", nameof(url));
    }
}

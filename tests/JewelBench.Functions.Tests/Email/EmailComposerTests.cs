using JewelBench.Functions.Email;
using JewelBench.Functions.Storage;

namespace JewelBench.Functions.Tests.Email;

public sealed class EmailComposerTests
{
    private static readonly EmailContent Content = new("Ready: <script>alert(1)</script>", "Hello <script>alert('x')</script> & co",
        ["Your \"ring\" is <b>ready</b>."], [new EmailFact("Balance <due>", "$20.00")],
        new EmailLink("Pay \"now\"", "https://shop.test/pay?a=1&b=2"), ["https://shop.test/p/1.jpg?x=\"><script>"]);

    private static ComposedEmail Compose() => EmailComposer.Compose(Content, "Ada's <Gems>", "1 Bench Street\nSpringfield");

    [Fact]
    public void EveryValueIsEncodedAndTheHtmlHasNoScriptOrExternalCss()
    {
        var html = Compose().Html;

        Assert.StartsWith("<!DOCTYPE html><html lang=\"en\">", html);
        Assert.EndsWith("</body></html>", html);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<b>", html);
        Assert.DoesNotContain("<link", html);
        Assert.DoesNotContain("<style", html);
        Assert.Contains("Hello &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; co", html);
        Assert.Contains("href=\"https://shop.test/pay?a=1&amp;b=2\"", html);
        Assert.Contains("src=\"https://shop.test/p/1.jpg?x=&quot;&gt;&lt;script&gt;\"", html);
        Assert.Contains("Balance &lt;due&gt;", html);
    }

    [Fact]
    public void TheFooterHasTheShopsNameAndAddressInBothParts()
    {
        var email = Compose();

        Assert.Contains("<strong>Ada&#39;s &lt;Gems&gt;</strong><br>1 Bench Street<br>Springfield", email.Html);
        Assert.EndsWith("--\nAda's <Gems>\n1 Bench Street\nSpringfield\n", email.Text.ReplaceLineEndings("\n"));
    }

    [Fact]
    public void ThePlainTextPartHasTheLinkTheFactsAndTheWords()
    {
        var text = Compose().Text;

        Assert.Contains("Pay \"now\": https://shop.test/pay?a=1&b=2", text);
        Assert.Contains("Balance <due>: $20.00", text);
        Assert.Contains("Your \"ring\" is <b>ready</b>.", text);
        Assert.StartsWith("Hello <script>alert('x')</script> & co", text);
    }

    [Theory]
    [InlineData("javascript:alert(1)")]
    [InlineData("/relative/path")]
    public void ALinkMustBeAnAbsoluteHttpUrl(string url) =>
        Assert.Throws<ArgumentException>(() => EmailComposer.Compose(Content with { Action = new EmailLink("Go", url) }, "Shop", ""));

    [Fact]
    public void MailIdsAreValidKeysAndSortNewestFirst()
    {
        var clock = new Infrastructure.ManualClock(DateTimeOffset.UtcNow);
        var older = MailIds.New(clock);
        clock.Advance(TimeSpan.FromMilliseconds(1));
        var newer = MailIds.New(clock);

        Assert.True(string.CompareOrdinal(newer, older) < 0);
        Assert.InRange(older.Length, 1, 40);
        Assert.Equal($"mail|{older}", Keys.Mail(older));
        Assert.NotEqual(MailIds.New(clock), MailIds.New(clock));
    }
}

using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using JewelBench.Core.Shops;
using JewelBench.Functions.Storage;
using JewelBench.Functions.Tests.Infrastructure;

namespace JewelBench.Functions.Tests.Security;

[Collection(AppCollection.Name)]
public sealed class BadInputTests(JewelBenchApp app)
{
    private const string ShopId = "fuzz-shop";
    private const string LoneSurrogate = "lone-surrogate-placeholder";

    /// <summary>
    /// Each write route gets malformed JSON, other JSON types, unknown, missing and wrongly typed fields,
    /// huge strings and bodies, absurd numbers, impossible dates, control characters and broken Unicode:
    /// every answer is a 4xx problem details and neither the shop nor the install changes.
    /// </summary>
    [Fact]
    public async Task EveryWriteRouteRefusesBadInputWithProblemDetailsAndWritesNothing()
    {
        var ids = await ShopIds.SeedAsync(app, ShopId);
        var owner = app.Client("owner", Role.Owner, ShopId);
        var routes = ApiRoute.All(app.Services).Where(r => r.Writes).ToList();

        var failures = new List<string>();
        foreach (var route in routes)
        {
            var before = await SnapshotAsync();
            foreach (var (name, body) in BadBodies(ApiRoute.ValidBody(route)))
            {
                var response = await owner.SendAsync(new HttpRequestMessage(new HttpMethod(route.Method), route.Url(p => ids[p]))
                {
                    Content = new StringContent(body, Encoding.UTF8, "application/json"),
                });
                var status = (int)response.StatusCode;
                if (status is < 400 or >= 500 || response.Content.Headers.ContentType?.MediaType != "application/problem+json")
                    failures.Add($"{route} with {name}: {status} {Shorten(await response.Content.ReadAsStringAsync())}");
            }
            if (await SnapshotAsync() != before) failures.Add($"{route}: storage changed");
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
        Assert.True(routes.Count >= 20, $"Only {routes.Count} write routes were found.");
    }

    [Fact]
    public async Task AnUnknownFieldIsNamedInTheAnswer()
    {
        var response = await app.Client().SendAsync(JewelBenchApp.Request("POST", "/api/jobs",
            new JsonObject { ["description"] = "Ring", ["shopId"] = JewelBenchApp.OtherShop }));

        await response.ReadProblemAsync(HttpStatusCode.BadRequest, "shopId");
    }

    [Fact]
    public async Task ABodyOverTheLimitIs413()
    {
        var response = await app.Client().SendAsync(JewelBenchApp.Request("POST", "/api/jobs",
            new JsonObject { ["description"] = new string('x', 100_000) }));

        await response.ReadProblemAsync(HttpStatusCode.RequestEntityTooLarge);
    }

    private async Task<string> SnapshotAsync() => await app.SnapshotAsync(ShopId) + "\n" + await app.SnapshotAsync(Keys.Install);

    private static IEnumerable<(string Name, string Body)> BadBodies(JsonObject? valid)
    {
        yield return ("malformed JSON", "{\"description\": ");
        yield return ("an array", "[1, 2]");
        yield return ("a string", "\"text\"");
        yield return ("null", "null");
        yield return ("an unknown field", "{\"unexpected\": true}");
        yield return ("a 1 MB body", new JsonObject { ["notes"] = new string('x', 1_000_000) }.ToJsonString());
        foreach (var (field, value) in valid ?? [])
        {
            var kind = value!.GetValueKind();
            foreach (var (name, bad) in Mutations(kind, value))
            {
                var body = valid!.DeepClone().AsObject();
                body[field] = bad;
                // A lone surrogate cannot travel as UTF-8, only as a JSON escape.
                yield return ($"{field} {name}", body.ToJsonString().Replace($"\"{LoneSurrogate}\"", "\"a\\ud800b\""));
            }
            var missing = valid!.DeepClone().AsObject();
            missing.Remove(field);
            missing["unexpected"] = 1;
            yield return ($"{field} missing and an unknown field", missing.ToJsonString());
        }
    }

    private static IEnumerable<(string Name, JsonNode? Value)> Mutations(System.Text.Json.JsonValueKind kind, JsonNode value)
    {
        yield return ("as an object", new JsonObject { ["x"] = 1 });
        yield return ("as an array", new JsonArray(1, 2));
        switch (kind)
        {
            case System.Text.Json.JsonValueKind.String:
                yield return ("as a number", 42);
                yield return ("20,001 characters long", new string('x', 20_001));
                yield return ("with a NUL", "a\u0000b");
                yield return ("with an escape character", "a\u001b[31mred");
                yield return ("with a right-to-left override", "\u202Egnp.exe");
                yield return ("with a lone surrogate", LoneSurrogate);
                yield return ("with a noncharacter", "a\uffffb");
                if (DateOnly.TryParse((string)value!, out _))
                {
                    yield return ("in year 1", "0001-01-01");
                    yield return ("on 30 February", "2026-02-30");
                    yield return ("in year 9999", "9999-12-31");
                    yield return ("in another format", "12/24/2026");
                }
                break;
            case System.Text.Json.JsonValueKind.Number:
                yield return ("as text", "lots");
                yield return ("negative", -1);
                yield return ("absurdly large", JsonNode.Parse("1e30"));
                yield return ("beyond a long", JsonNode.Parse("123456789012345678901234567890"));
                break;
            default:
                yield return ("as text", "yes");
                yield return ("as a number", 1);
                break;
        }
    }

    private static string Shorten(string text) => text.Length > 300 ? text[..300] + "…" : text;
}

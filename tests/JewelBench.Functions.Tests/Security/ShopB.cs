using System.Net;
using System.Net.Http.Json;
using JewelBench.Core.Shops;
using JewelBench.Functions.Auth;
using JewelBench.Functions.Email;
using JewelBench.Functions.Storage;
using JewelBench.Functions.Tests.Infrastructure;
using JewelBench.Functions.Tests.Shops;
using JewelBench.Functions.Workflow;
using Microsoft.Extensions.DependencyInjection;

namespace JewelBench.Functions.Tests.Security;

/// <summary>A shop with one of everything, whose ids another shop's users must never reach.</summary>
public sealed record ShopIds(string Shop, IReadOnlyDictionary<string, string> ByParameter)
{
    public const string Marker = "SHOP-B-SECRET";

    public string this[string parameter] => ByParameter.TryGetValue(parameter, out var id)
        ? id
        : throw new InvalidOperationException($"Route parameter {{{parameter}}} is new: seed a row for it in ShopIds.SeedAsync.");

    /// <summary>A draft job with a stage and an item, a completed job with its piece, a signed repair, a staff user, a kiosk link, an email and a process.</summary>
    public static async Task<ShopIds> SeedAsync(JewelBenchApp app, string shop)
    {
        var owner = app.Client("owner", Role.Owner, shop);
        var draft = await app.CreateJobAsync(owner, $"{Marker} draft");
        var draftId = (string)draft["id"]!;
        var stage = await (await owner.PostAsJsonAsync($"/api/jobs/{draftId}/stages", new { name = $"{Marker} stage" })).ReadJsonAsync(HttpStatusCode.Created);
        var item = await (await owner.PostAsJsonAsync($"/api/jobs/{draftId}/items",
            new { kind = "Labor", description = $"{Marker} labor", quantity = 1, unitCost = 5 })).ReadJsonAsync(HttpStatusCode.Created);

        var done = (string)(await app.CreateJobAsync(owner, $"{Marker} finished"))["id"]!;
        (await owner.PostAsJsonAsync($"/api/jobs/{done}/transitions", new { to = "InProduction" })).EnsureSuccessStatusCode();
        var completed = await (await owner.PostAsJsonAsync($"/api/jobs/{done}/complete", new { title = $"{Marker} piece", category = "Rings" })).ReadJsonAsync(HttpStatusCode.Accepted);

        var logo = new ByteArrayContent([.. ShopLogoTests.Png, .. System.Text.Encoding.ASCII.GetBytes(Marker)]);
        logo.Headers.ContentType = new("image/png");
        (await owner.PutAsync("/api/shop/logo", logo)).EnsureSuccessStatusCode();
        var link = await (await owner.PostAsJsonAsync("/api/kiosk-links", new { name = $"{Marker} screen" })).ReadJsonAsync(HttpStatusCode.Created);
        // The record alone: no message, so no worker ever changes it.
        var operation = app.Services.GetRequiredService<Operations>().New("test-only", done, [new OperationStep { Name = "nothing" }], "owner");
        await app.Services.GetRequiredService<IShopTable>().CommitAsync(shop, [Operations.RecordWrite(operation)]);
        var mail = OutboundEmail.Create(TimeProvider.System, draftId, "pickup", "customer@shop-b.test", Marker,
            EmailComposer.Compose(new EmailContent($"{Marker} ready", Marker, [Marker], []), Marker, Marker), "owner");
        await app.Services.GetRequiredService<IShopTable>().CommitAsync(shop, [EmailDelivery.Prepare(mail).Write]);
        var photos = new MultipartFormDataContent { { new ByteArrayContent(ShopLogoTests.Png), "photos", "ring.png" } };
        var photo = await (await owner.PostAsync($"/api/jobs/{draftId}/photos", photos)).ReadJsonAsync(HttpStatusCode.Created);
        var customer = await (await owner.PostAsJsonAsync("/api/customers", new { name = $"{Marker} customer", phone = "555 0100" })).ReadJsonAsync(HttpStatusCode.Created);
        // A signed repair: its signature is a row and a blob that the other shop must neither read nor replace.
        var repair = await app.CreateJobAsync(owner, $"{Marker} repair", new { module = "Repair", customerId = (string)customer["id"]!, item = $"{Marker} ring" });
        var signature = new ByteArrayContent([.. ShopLogoTests.Png, .. System.Text.Encoding.ASCII.GetBytes(Marker)]);
        signature.Headers.ContentType = new("image/png");
        (await owner.PutAsync($"/api/jobs/{repair["id"]}/signature", signature)).EnsureSuccessStatusCode();
        var task = await (await owner.PostAsJsonAsync("/api/price-list", new { name = $"{Marker} task", price = 5 })).ReadJsonAsync(HttpStatusCode.Created);
        var material = await (await owner.PostAsJsonAsync("/api/materials", new { kind = "Stone", name = $"{Marker} stone", unit = "pcs", onHand = 3 }))
            .ReadJsonAsync(HttpStatusCode.Created);
        var recorded = await (await owner.PostAsJsonAsync($"/api/jobs/{draftId}/stages/{stage["stages"]![0]!["id"]}/records",
            new { flow = "Loss", loss = "Waste", description = $"{Marker} dust", quantity = 1, unit = "g" })).ReadJsonAsync(HttpStatusCode.Created);
        var process = await (await owner.PostAsJsonAsync("/api/processes", new { name = $"{Marker} process", stages = new[] { new { name = $"{Marker} casting" } } }))
            .ReadJsonAsync(HttpStatusCode.Created);
        var style = await (await owner.PostAsJsonAsync("/api/styles", new { code = "B-1", name = $"{Marker} style", category = "Rings", origin = "MyDesign" }))
            .ReadJsonAsync(HttpStatusCode.Created);
        var images = new MultipartFormDataContent { { new ByteArrayContent(ShopLogoTests.Png), "images", "style.png" } };
        var image = await (await owner.PostAsync($"/api/styles/{style["id"]}/images", images)).ReadJsonAsync(HttpStatusCode.Created);
        app.Client("staff", Role.Staff, shop);
        var staff = await AuthApi.FindUserAsync(app.Services.GetRequiredService<IShopTable>(), JewelBenchApp.EmailOf("staff", Role.Staff, shop), default);

        return new ShopIds(shop, new Dictionary<string, string>
        {
            ["id"] = draftId,
            ["stageId"] = (string)stage["stages"]![0]!["id"]!,
            ["itemId"] = (string)item["items"]![0]!["id"]!,
            ["stockId"] = (string)completed["completion"]!["pieces"]![0]!,
            ["userId"] = staff!.Value.User.Id,
            ["linkId"] = (string)link["link"]!["id"]!,
            ["operationId"] = operation.Id,
            ["photoId"] = (string)photo["photos"]![0]!["id"]!,
            ["customerId"] = (string)customer["id"]!,
            ["taskId"] = (string)task["id"]!,
            ["processId"] = (string)process["id"]!,
            ["mailId"] = mail.Id,
            ["materialId"] = (string)material["id"]!,
            ["styleId"] = (string)style["id"]!,
            ["imageId"] = (string)image["images"]![0]!["id"]!,
            ["recordId"] = (string)recorded["stages"]![0]!["records"]![0]!["id"]!,
            // The repair's pickup-reminder opt-out token: "{shop}.{hash of its status secret}".
            ["token"] = $"{shop}.{Keys.Hash(((string)repair["statusPage"]!).Split('.').Last())}",
        });
    }
}

using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace JewelBench.Functions.Tests.Security;

/// <summary>One method and route of the API, read from the app's own endpoint list.</summary>
public sealed record ApiRoute(string Method, string Pattern, IReadOnlyList<string> Parameters, bool Anonymous)
{
    public bool Writes => Method is not ("GET" or "HEAD");

    public override string ToString() => $"{Method} {Pattern}";

    /// <summary>The URL with each route parameter filled in.</summary>
    public string Url(Func<string, string> valueOf) =>
        Parameters.Aggregate(Pattern, (url, p) => url.Replace($"{{{p}}}", Uri.EscapeDataString(valueOf(p))));

    /// <summary>
    /// Every route of the API, so that a route added later is covered by the security tests without
    /// anyone remembering to list it.
    /// </summary>
    public static IReadOnlyList<ApiRoute> All(IServiceProvider services) => services.GetRequiredService<EndpointDataSource>().Endpoints
        .OfType<RouteEndpoint>()
        .Where(e => e.RoutePattern.RawText?.StartsWith("/api/", StringComparison.Ordinal) == true && e.RoutePattern.RawText != "/api/openapi.json")
        .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"]).Select(m => new ApiRoute(m,
            e.RoutePattern.RawText!.TrimEnd('/'), e.RoutePattern.Parameters.Select(p => p.Name).ToList(),
            e.Metadata.GetMetadata<IAllowAnonymous>() is not null)))
        .OrderBy(r => r.Pattern, StringComparer.Ordinal).ThenBy(r => r.Method, StringComparer.Ordinal)
        .ToList();

    /// <summary>
    /// A body each write route accepts, so that a refusal in these tests comes from who is asking, never
    /// from the input. A new write route fails the tests until it has one here.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, object?> ValidBodies = new Dictionary<string, object?>
    {
        ["POST /api/auth/password"] = new { currentPassword = "not-the-password", newPassword = "a-new-password-1" },
        ["POST /api/auth/sign-in"] = new { email = "nobody@nowhere.test", password = "not-a-password" },
        ["POST /api/auth/sign-out"] = null,
        ["POST /api/jobs"] = new { description = "Ring from a security test", rush = false, targetDate = "2026-12-24", quantity = 1 },
        ["PATCH /api/jobs/{id}"] = new { description = "Changed by a security test", rush = true, targetDate = "2026-12-31" },
        ["POST /api/jobs/{id}/complete"] = new { title = "Security test piece", category = "Rings", quantity = 1 },
        ["POST /api/jobs/{id}/items"] = new { kind = "Material", description = "Silver", quantity = 2, unit = "g", unitCost = 1.5 },
        ["PATCH /api/jobs/{id}/items/{itemId}"] = new { description = "Gold", quantity = 3 },
        ["DELETE /api/jobs/{id}/items/{itemId}"] = new { reason = "Security test" },
        ["POST /api/jobs/{id}/photos"] = null, // multipart: see JobPhotosApiTests
        ["DELETE /api/jobs/{id}/photos/{photoId}"] = new { reason = "Security test" },
        ["POST /api/jobs/{id}/intake-receipt"] = new { },
        ["PUT /api/jobs/{id}/signature"] = null, // a PNG, not JSON: see IntakeApiTests
        ["POST /api/jobs/{id}/reopen"] = new { reason = "Security test" },
        ["POST /api/jobs/{id}/stages"] = new { name = "Polish", vendor = "Bench", cost = 10, dueDate = "2026-12-20", notes = "n" },
        ["PATCH /api/jobs/{id}/stages/{stageId}"] = new { notes = "Changed", cost = 12, status = "InProgress" },
        ["DELETE /api/jobs/{id}/stages/{stageId}"] = new { reason = "Security test" },
        ["POST /api/jobs/{id}/materials"] = new { materialId = "M-0001", quantity = 1 },
        ["POST /api/jobs/{id}/items/{itemId}/return"] = new { reason = "Security test" },
        ["POST /api/jobs/{id}/stages/{stageId}/records"] = new { flow = "Loss", loss = "Waste", description = "Dust", quantity = 0.2, unit = "g" },
        ["DELETE /api/jobs/{id}/stages/{stageId}/records/{recordId}"] = new { reason = "Security test" },
        ["POST /api/styles"] = new { code = "SEC-1", name = "Security test style", category = "Rings", origin = "MyDesign" },
        ["PATCH /api/styles/{styleId}"] = new { notes = "Changed by a security test", reason = "Security test" },
        ["POST /api/styles/{styleId}/images"] = null, // multipart: see StyleBatchApiTests
        ["DELETE /api/styles/{styleId}/images/{imageId}"] = new { reason = "Security test" },
        ["POST /api/styles/{styleId}/jobs"] = new { quantity = 1 },
        ["POST /api/materials"] = new { kind = "Stone", name = "Security test stone", unit = "pcs", onHand = 1 },
        ["PATCH /api/materials/{materialId}"] = new { location = "Safe drawer 2", reason = "Security test" },
        ["POST /api/materials/{materialId}/receive"] = new { quantity = 1, reason = "Security test" },
        ["POST /api/materials/{materialId}/count"] = new { onHand = 2, reason = "Security test" },
        // Names a process of no shop: the refusals tested come before the process is read (see ProcessesApiTests).
        ["POST /api/jobs/{id}/stages/from-process"] = new { processId = "p-000000000000" },
        ["POST /api/jobs/{id}/transitions"] = new { to = "Canceled", reason = "Security test" },
        ["PUT /api/jobs/{id}/quote"] = new { lines = new[] { new { description = "Sizing", quantity = 1, unitPrice = 45 } } },
        ["POST /api/jobs/{id}/quote/approve"] = new { how = "Phone", approvedBy = "Security test" },
        ["POST /api/jobs/{id}/deposits"] = new { amount = 20, method = "Cash" },
        ["POST /api/jobs/{id}/location"] = new { place = "Safe", reason = "Security test" },
        ["POST /api/jobs/{id}/pickup"] = new { amount = 0, method = "Cash" },
        ["POST /api/jobs/{id}/snooze"] = new { until = "2026-12-30", reason = "Security test" },
        ["POST /api/reminders/opt-out/{token}"] = null,
        ["POST /api/outbox/{mailId}/resend"] = new { },
        ["POST /api/customers"] = new { name = "Security Test", email = "security@customer.test" },
        ["PATCH /api/customers/{customerId}"] = new { name = "Renamed by a security test", phone = "555 0100 99" },
        ["POST /api/price-list"] = new { name = "Security test task", price = 10 },
        ["PATCH /api/price-list/{taskId}"] = new { name = "Renamed", price = 12, active = false },
        ["POST /api/processes"] = new { name = "Security test line", stages = new[] { new { name = "Casting", vendor = "Acme", vendorKind = "Outside", cost = 60, durationDays = 5 } } },
        ["PATCH /api/processes/{processId}"] = new { name = "Renamed", stages = new[] { new { name = "Polish", cost = 10 } }, active = false, reason = "Security test" },
        ["POST /api/kiosk-links"] = new { name = "Security test screen" },
        ["DELETE /api/kiosk-links/{linkId}"] = new { reason = "Security test" },
        ["POST /api/operations/{operationId}/retry"] = new { },
        ["POST /api/kiosk/session"] = new { token = "AAAAAAAAAAAAAAAAAAAAAA" },
        ["POST /api/setup"] = new { shopName = "Second shop", timeZone = "UTC", currency = "USD", taxRate = 5, ownerName = "Eve", email = "eve@second.test", password = "a-long-password" },
        ["PATCH /api/shop"] = new { name = "Renamed by a security test", taxRate = 7.5 },
        ["PUT /api/shop/reminders"] = new { inShop = 3, inProgress = 8, waitingOnVendor = 10, readyForPickup = 14, onHold = 14, escalation = 3 },
        ["PUT /api/shop/logo"] = null, // an image, not JSON: see ShopLogoTests
        ["DELETE /api/shop/logo"] = new { reason = "Security test" },
        ["PATCH /api/stock/{stockId}"] = new { title = "Renamed by a security test", category = "Rings", storageLocation = "Safe", retailPrice = 99.5, reason = "Security test" },
        ["POST /api/stock/{stockId}/release"] = new { reason = "Security test" },
        ["POST /api/stock/{stockId}/reserve"] = new { reason = "Security test" },
        ["POST /api/stock/{stockId}/sell"] = new { reason = "Security test" },
        ["POST /api/users"] = new { name = "Eve", email = "eve@security.test", role = "Staff", password = "a-long-password" },
        ["PATCH /api/users/{userId}"] = new { name = "Renamed", role = "Kiosk", active = false, password = "a-new-password-2" },
    };

    public static JsonObject? ValidBody(ApiRoute route)
    {
        Assert.True(ValidBodies.ContainsKey(route.ToString()), $"{route} is new: give it a valid body in ApiRoute.ValidBodies.");
        return ValidBodies[route.ToString()] is { } body ? System.Text.Json.JsonSerializer.SerializeToNode(body)!.AsObject() : null;
    }
}

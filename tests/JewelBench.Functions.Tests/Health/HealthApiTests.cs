using System.Net;
using JewelBench.Functions.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace JewelBench.Functions.Tests.Health;

[Collection(AppCollection.Name)]
public sealed class HealthApiTests(JewelBenchApp app)
{
    [Fact]
    public async Task HealthIsOkWhenStorageIsReachable()
    {
        var health = await (await app.Client().GetAsync("/api/health")).ReadJsonAsync(HttpStatusCode.OK);

        Assert.Equal("reachable", (string)health["storage"]!);
    }

    [Fact]
    public async Task HealthIs503WhenStorageIsNotReachable()
    {
        var unreachable = "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=" + Azurite.DevKey +
            $";TableEndpoint=http://127.0.0.1:{Azurite.FreePort()}/devstoreaccount1;";
        await using var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
        {
            b.ConfigureAppConfiguration(c => c.AddInMemoryCollection(new Dictionary<string, string?> { ["AzureWebJobsStorage"] = unreachable }));
            b.ConfigureServices(s => s.RemoveAll<Microsoft.Extensions.Hosting.IHostedService>());
        });

        var response = await factory.CreateClient().GetAsync("/api/health");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
    }

    [Fact]
    public async Task TheAppWorksWithAnyStorageAccountNotOnlyTheEmulatorsOwn()
    {
        await using var azurite = await Azurite.StartAsync("jewelshop", Convert.ToBase64String("a-key-of-our-own-for-tests"u8.ToArray()));
        await using var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
            b.ConfigureAppConfiguration(c => c.AddInMemoryCollection(new Dictionary<string, string?> { ["AzureWebJobsStorage"] = azurite.ConnectionString })));
        var client = await JewelBenchApp.OwnerClientAsync(factory, "own-account-shop");

        var created = await app.CreateJobAsync(client, "Own account ring");
        var board = await (await client.GetAsync("/api/board")).ReadJsonAsync(HttpStatusCode.OK);

        Assert.Contains(board["lanes"]![0]!["cards"]!.AsArray(), c => (string)c!["jobId"]! == (string)created["id"]!);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/health")).StatusCode);
    }
}

using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using JewelBench.Functions.Hosting;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.WindowsAzure.Storage;
using Microsoft.WindowsAzure.Storage.Table;

namespace JewelBench.Functions.Tests.Infrastructure;

[CollectionDefinition(Name)]
public sealed class AppCollection : ICollectionFixture<JewelBenchApp>
{
    public const string Name = "JewelBench on Azurite";
}

/// <summary>The host in process against one shared Azurite, with a clock the tests move and domain helpers.</summary>
public sealed class JewelBenchApp : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const string Shop = "test-shop";
    public const string Table = "jewelbenchtests";
    private Azurite? _azurite;

    public ManualClock Clock { get; } = new(new DateTimeOffset(2026, 11, 2, 9, 0, 0, TimeSpan.Zero));

    public string ConnectionString => _azurite!.ConnectionString;

    public static JsonSerializerOptions Json => JewelBenchSetup.Json;

    public async Task InitializeAsync() => _azurite = await Azurite.Shared;

    async Task IAsyncLifetime.DisposeAsync() => await DisposeAsync();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.ConfigureAppConfiguration(config => config.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["AzureWebJobsStorage"] = ConnectionString,
            ["jewelbench:defaultShop"] = Shop,
            ["jewelbench:storage:table"] = Table,
            ["jewelbench:listPageSize"] = "5",
        }));
        builder.ConfigureServices(services => services.Replace(ServiceDescriptor.Singleton<TimeProvider>(Clock)));
    }

    public HttpClient Client(string user = "tester")
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Add("X-JewelBench-User", user);
        return client;
    }

    public async Task<JsonObject> CreateJobAsync(HttpClient client, string description = "Signet ring", object? extra = null)
    {
        var body = JsonSerializer.SerializeToNode(extra ?? new { }, Json)!.AsObject();
        body["description"] = description;
        var response = await client.PostAsJsonAsync("/api/jobs", body, Json);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonObject>(Json))!;
    }

    /// <summary>Every row of the test shop's partition with its ETag and properties, to prove a refused request wrote nothing.</summary>
    public async Task<string> SnapshotAsync()
    {
        var table = CloudStorageAccount.Parse(ConnectionString).CreateCloudTableClient().GetTableReference(Table);
        var query = new TableQuery<DynamicTableEntity>().Where(
            TableQuery.GenerateFilterCondition("PartitionKey", QueryComparisons.Equal, Shop));
        var rows = new List<string>();
        TableContinuationToken? token = null;
        do
        {
            var segment = await table.ExecuteQuerySegmentedAsync(query, token);
            rows.AddRange(segment.Results.Select(e => $"{e.RowKey} {e.ETag} " +
                string.Join(";", e.Properties.OrderBy(p => p.Key).Select(p => $"{p.Key}={p.Value.PropertyAsObject}"))));
            token = segment.ContinuationToken;
        } while (token is not null);
        return string.Join("\n", rows);
    }
}

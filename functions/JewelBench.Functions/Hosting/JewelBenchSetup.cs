using JewelBench.Functions.Reminders;
using System.Text.Json;
using System.Text.Json.Serialization;
using JewelBench.Functions.Auth;
using JewelBench.Functions.Board;
using JewelBench.Functions.Customers;
using JewelBench.Functions.Pricing;
using JewelBench.Functions.Processes;
using JewelBench.Functions.Status;
using JewelBench.Functions.Demo;
using JewelBench.Functions.Email;
using JewelBench.Functions.Health;
using JewelBench.Functions.Jobs;
using JewelBench.Functions.Materials;
using JewelBench.Functions.Shops;
using JewelBench.Functions.Stock;
using JewelBench.Functions.Styles;
using JewelBench.Functions.Workflow;

namespace JewelBench.Functions.Hosting;

public static class JewelBenchSetup
{
    public static JsonSerializerOptions Json { get; } = CreateJson();

    public static IHostApplicationBuilder AddJewelBench(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<JewelBenchOptions>().BindConfiguration("jewelbench");
        builder.Services.AddOptions<StorageOptions>().BindConfiguration("jewelbench:storage")
            .Configure<IConfiguration>((o, config) => o.ConnectionString = config["AzureWebJobsStorage"] ?? o.ConnectionString);
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton(Json);
        builder.Services.AddSingleton<AzureShopTable>();
        builder.Services.AddSingleton<IShopTable>(sp => sp.GetRequiredService<AzureShopTable>());
        builder.Services.AddSingleton<AzureBlobStore>();
        builder.Services.AddSingleton<IBlobStore>(sp => sp.GetRequiredService<AzureBlobStore>());
        builder.Services.AddHostedService<StorageSetup>();
        builder.Services.AddHostedService<DemoShopSeeder>();
        builder.Services.AddHostedService<DailyDigestArming>();
        builder.Services.AddOptions<WorkflowOptions>().BindConfiguration("jewelbench:workflow");
        builder.Services.AddSingleton<WorkQueues>();
        builder.Services.AddSingleton<Operations>();
        builder.Services.AddSingleton<OperationExecutor>();
        builder.Services.AddSingleton<OperationSweep>();
        builder.Services.AddSingleton<IOperationKind, CloseOut>();
        builder.Services.AddSingleton<IOperationKind, ReopenCleanup>();
        builder.Services.AddOptions<ReminderOptions>().BindConfiguration("jewelbench:reminders");
        builder.Services.AddSingleton<ReminderTimers>();
        builder.Services.AddSingleton<IOperationKind, StuckReminder>();
        builder.Services.AddSingleton<PickupReminder>();
        builder.Services.AddSingleton<DailyDigestTimers>();
        builder.Services.AddSingleton<IOperationKind, DailyDigest>();
        builder.Services.AddJewelBenchEmail();
        builder.Services.AddHostedService<WorkflowWorker>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<OperationSweep>());
        builder.Services.AddSingleton<ReminderReconciliation>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<ReminderReconciliation>());
        builder.Services.AddSingleton<ShopProvisioning>();
        builder.Services.AddJewelBenchAuth();
        builder.Services.AddScoped<CommandRunner>();
        builder.Services.AddScoped<JobCommands>();
        builder.Services.ConfigureHttpJsonOptions(o => Configure(o.SerializerOptions));
        builder.Services.AddProblemDetails();
        builder.Services.AddOpenApi();
        return builder;
    }

    public static WebApplication MapJewelBench(this WebApplication app)
    {
        app.UseRequestLogging();
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            StatusCodeSelector = e => e is BadHttpRequestException bad ? bad.StatusCode : StatusCodes.Status500InternalServerError,
        });
        app.UseStatusCodePages();
        app.UseSecurityHeaders();
        app.UseDefaultFiles();
        app.UseStaticFiles();
        app.UseSameOriginGuard();
        app.UseAuthentication();
        app.UseRateLimiter();
        app.UseAuthorization();
        app.MapOpenApi("/api/openapi.json").AllowAnonymous();
        var api = app.MapGroup("/api").AddEndpointFilter<DomainErrorFilter>();
        api.MapHealth();
        api.MapSetup();
        api.MapAuth();
        api.MapShop();
        api.MapShopLogo();
        api.MapUsers();
        api.MapKioskLinks();
        api.MapJobs();
        api.MapJobLines();
        api.MapStageRecords();
        api.MapJobPhotos();
        api.MapJobLifecycle();
        api.MapCustomerJobs();
        api.MapJobEnvelope();
        api.MapJobSignature();
        api.MapIntakeReceipt();
        api.MapCustomers();
        api.MapPriceList();
        api.MapProcesses();
        api.MapStatusPage();
        api.MapBoard();
        api.MapStock();
        api.MapMaterials();
        api.MapStyles();
        api.MapOperations();
        api.MapOutbox();
        api.MapReminders();
        api.MapPickupReminders();
        return app;
    }

    private static JsonSerializerOptions CreateJson()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        Configure(options);
        return options;
    }

    private static void Configure(JsonSerializerOptions options) =>
        options.Converters.Add(new JsonStringEnumConverter());
}

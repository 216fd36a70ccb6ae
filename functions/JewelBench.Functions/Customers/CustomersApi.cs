using JewelBench.Core.Customers;
using JewelBench.Core.History;

namespace JewelBench.Functions.Customers;

/// <summary>The shop's customers: one record per person, found by name, email or phone and reused across jobs.</summary>
public static class CustomersApi
{
    private const int MaxResults = 20;

    public static RouteGroupBuilder MapCustomers(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/customers").WithTags("Customers");
        group.MapGet("/", Search);
        group.MapPost("/", Create);
        group.MapGet("/{customerId}", Get);
        group.MapPatch("/{customerId}", Edit);
        group.MapGet("/{customerId}/history", History);
        return group;
    }

    public sealed record CustomerDto(string Id, string Name, string? Email, string? Phone, string? Notes, int Version,
        DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);

    public static CustomerDto ToDto(this Customer c) => new(c.Id, c.Name, c.Email, c.Phone, c.Notes, c.Version, c.CreatedAt, c.UpdatedAt);

    /// <summary>Matches on name, email or phone (digits only, so "555 0101" finds "(555) 010-1…"); without a query, the latest.</summary>
    private static async Task<Ok<List<CustomerDto>>> Search(Caller caller, IShopTable table, string? q, CancellationToken ct)
    {
        var all = await table.QueryAsync<Customer>(caller.ShopId, Keys.CustomerPrefix, ct);
        var query = q?.Trim() ?? "";
        return TypedResults.Ok(all.Select(c => c.Value)
            .Where(c => query.Length == 0 || c.Matches(query))
            .OrderByDescending(c => query.Length > 0 && c.Name.StartsWith(query, StringComparison.OrdinalIgnoreCase))
            .ThenByDescending(c => c.UpdatedAt)
            .Take(MaxResults).Select(c => c.ToDto()).ToList());
    }

    private static async Task<IResult> Create(Caller caller, HttpRequest request, IShopTable table, TimeProvider clock, CancellationToken ct)
    {
        var body = await JsonBody.ReadAsync(request);
        var details = Read(body);
        body.ThrowIfInvalid();
        var customer = Customer.Create(Ids.New("cu"), details, new Change(caller.User, clock.GetUtcNow()));
        await table.CommitAsync(caller.ShopId, RecordedWrites.Insert(Keys.Customer(customer.Id), customer.Id, customer).ToList(), ct);
        return Answers.Created(customer, customer.ToDto(), $"/api/customers/{customer.Id}");
    }

    private static async Task<IResult> Get(string customerId, Caller caller, IShopTable table, CancellationToken ct) =>
        await table.GetAsync<Customer>(caller.ShopId, Keys.Customer(customerId), ct) is { Value: var customer }
            ? Answers.Ok(customer, customer.ToDto())
            : Answers.NotFound($"Customer {customerId} was not found.");

    /// <summary>
    /// A changed name shows on jobs opened from now on; jobs already open keep the name they were taken in under
    /// (their history says who the customer was then).
    /// </summary>
    private static async Task<IResult> Edit(string customerId, Caller caller, HttpRequest request, CommandRunner runner)
    {
        var body = await JsonBody.ReadAsync(request);
        var details = Read(body);
        var reason = body.Text("reason");
        body.ThrowIfInvalid();
        return await runner.RunAsync<Customer>(caller, customerId, Keys.Customer(customerId), request.Headers.IfMatch, reason,
            (customer, change) =>
            {
                customer.Edit(details, change);
                return Task.FromResult(Enumerable.Empty<TableWrite>());
            }, c => c.ToDto(), "Customer", ct: request.HttpContext.RequestAborted);
    }

    private static async Task<IResult> History(string customerId, Caller caller, IShopTable table, CancellationToken ct)
    {
        if (await table.GetAsync<Customer>(caller.ShopId, Keys.Customer(customerId), ct) is null)
            return Answers.NotFound($"Customer {customerId} was not found.");
        var events = await table.QueryAsync<HistoryEvent>(caller.ShopId, Keys.HistoryPrefix(customerId), ct);
        return TypedResults.Ok(events.Select(e => e.Value).ToList());
    }

    private static CustomerDetails Read(JsonBody body) =>
        new(body.Text("name"), body.Text("email"), body.Text("phone"), body.Text("notes"));
}

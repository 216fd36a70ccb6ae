using JewelBench.Core.History;

namespace JewelBench.Functions.Http;

/// <summary>
/// Runs a command on one stored job or piece: read it, check If-Match, let the domain decide, then write
/// the change, its history and any other rows in one transaction conditional on the ETag that was read.
/// A lost race is retried when the caller sent no If-Match, and answers 412 with the current state when it did.
/// </summary>
public sealed class CommandRunner(IShopTable table, TimeProvider clock)
{
    private const int Attempts = 3;

    public async Task<IResult> RunAsync<T>(Caller caller, string subjectId, string rowKey, string? ifMatch, string? reason,
        Func<T, Change, Task<IEnumerable<TableWrite>>> command, Func<T, object> toDto, string what,
        int successStatus = StatusCodes.Status200OK, CancellationToken ct = default) where T : Recorded
    {
        for (var attempt = 1; ; attempt++)
        {
            var stored = await table.GetAsync<T>(caller.ShopId, rowKey, ct);
            if (stored is null) return Answers.NotFound($"{what} {subjectId} was not found.");
            var value = stored.Value;
            if (!ETags.Matches(ifMatch, value)) return Answers.Stale(value, toDto(value));

            var change = new Change(caller.User, clock.GetUtcNow(), string.IsNullOrWhiteSpace(reason) ? null : reason.Trim());
            var extra = (await command(value, change)).ToList();
            var events = value.TakeEvents();
            if (events.Count == 0 && extra.Count == 0) return Answers.Ok(value, toDto(value));

            value.Version++;
            var writes = RecordedWrites.History(subjectId, events)
                .Prepend(new TableWrite.Replace(rowKey, value, stored.ETag)).Concat(extra).ToList();
            try
            {
                await table.CommitAsync(caller.ShopId, writes, ct);
                return Answers.Ok(value, toDto(value), successStatus);
            }
            catch (ConcurrencyException) when (ifMatch is null && attempt < Attempts)
            {
            }
            catch (ConcurrencyException)
            {
                var current = await table.GetAsync<T>(caller.ShopId, rowKey, ct);
                return current is null
                    ? Answers.NotFound($"{what} {subjectId} was not found.")
                    : Answers.Stale(current.Value, toDto(current.Value));
            }
        }
    }
}

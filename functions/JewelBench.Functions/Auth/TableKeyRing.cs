using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.Repositories;

namespace JewelBench.Functions.Auth;

/// <summary>
/// Keeps ASP.NET Core's data-protection keys (which sign and encrypt the session cookies) in the install's
/// partition, so every host instance on the same storage reads the same cookies and a restart signs nobody out.
/// The keys are as safe as the storage account that holds everything else.
/// </summary>
public sealed class TableKeyRing(IShopTable table) : IXmlRepository
{
    private const string Prefix = "dpkey|";

    public sealed record KeyXml(string Xml);

    // The interface is synchronous; it is called at startup and when a key is rotated, not per request.
    public IReadOnlyCollection<XElement> GetAllElements() =>
        table.QueryAsync<KeyXml>(Keys.Install, Prefix).GetAwaiter().GetResult().Select(k => XElement.Parse(k.Value.Xml)).ToList();

    public void StoreElement(XElement element, string friendlyName) =>
        table.CommitAsync(Keys.Install, [new TableWrite.Insert($"{Prefix}{friendlyName}", new KeyXml(element.ToString(SaveOptions.DisableFormatting)))])
            .GetAwaiter().GetResult();
}

using Microsoft.Extensions.Options;
using JewelBench.Functions.Workflow;

namespace JewelBench.Functions.Email;

public static class EmailSetup
{
    public static IServiceCollection AddJewelBenchEmail(this IServiceCollection services)
    {
        services.AddOptions<EmailOptions>().BindConfiguration("jewelbench:email");
        // A named client from the factory rather than a typed one: the sender lives in a singleton operation kind,
        // and a typed client captured there would keep one handler (and its DNS) for ever.
        services.AddHttpClient(SendGridMailSender.ClientName, (sp, client) =>
                client.Timeout = sp.GetRequiredService<IOptions<EmailOptions>>().Value.SendTimeout)
            .RedactLoggedHeaders(["Authorization"]);
        services.AddSingleton<IMailSender, SendGridMailSender>();
        services.AddSingleton<IOperationKind, EmailDelivery>();
        return services;
    }
}

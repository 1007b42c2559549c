using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Training.Web.Tests.Support;

/// <summary>
/// The site as <see cref="TrainingAppFactory"/> runs it, with requests coming from <see cref="ClientAddress"/>:
/// TestServer has no connection, so it leaves the remote address empty, and audit entries record it.
/// </summary>
public sealed class ClientAddressAppFactory : TrainingAppFactory
{
    /// <summary>An address from TEST-NET-3 (RFC 5737), which no real client has.</summary>
    public static readonly IPAddress ClientAddress = IPAddress.Parse("203.0.113.7");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddTransient<IStartupFilter, ClientAddressFilter>());
    }

    private sealed class ClientAddressFilter : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                context.Connection.RemoteIpAddress ??= ClientAddress;
                return nextMiddleware(context);
            });
            next(app);
        };
    }
}

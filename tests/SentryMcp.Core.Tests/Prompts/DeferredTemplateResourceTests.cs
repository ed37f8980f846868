using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;
using SentryMcp.Core.Resources;

namespace SentryMcp.Core.Tests.Prompts;

public sealed class DeferredTemplateResourceTests
{
    private static readonly ResourceTemplate Template = new() { UriTemplate = "sentry-docs://platform/{platform}", Name = "platform", MimeType = "text/markdown" };

    [Fact]
    public void Listing_and_a_uri_of_another_scheme_do_not_create_the_sdk_resource()
    {
        var created = 0;
        var resource = new DeferredTemplateResource(Template, () => { created++; return Sdk(); });

        Assert.Same(Template, resource.ProtocolResourceTemplate);
        Assert.Null(resource.ProtocolResource);
        Assert.False(resource.IsMatch("sentry://about"));
        Assert.Equal(0, created);
    }

    [Fact]
    public void A_uri_under_the_template_creates_the_sdk_resource_once_and_matches_through_it()
    {
        var created = 0;
        var resource = new DeferredTemplateResource(Template, () => { created++; return Sdk(); });

        Assert.True(resource.IsMatch("sentry-docs://platform/python"));
        Assert.False(resource.IsMatch("sentry-docs://platform/python/guide/django"));
        Assert.Equal(1, created);
    }

    private static McpServerResource Sdk() =>
        McpServerResource.Create((string platform) => platform, new McpServerResourceCreateOptions { UriTemplate = Template.UriTemplate, Name = Template.Name });
}

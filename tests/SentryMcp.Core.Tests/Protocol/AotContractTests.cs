using System.Reflection;
using System.Text.Json;
using ModelContextProtocol.Server;
using SentryMcp.Core;
using SentryMcp.Core.Api;
using SentryMcp.Core.Hosting;
using SentryMcp.Core.Tools;

namespace SentryMcp.Core.Tests.Protocol;

/// <summary>
/// What the Native AOT build relies on, checked under the JIT where reflection can still see
/// everything: the explicit lists of tools, prompts and resources name every type the assembly
/// marks, and every type that is read or written as JSON has a source-generated contract.
/// </summary>
public sealed class AotContractTests
{
    private static readonly Assembly Core = typeof(SentryToolCatalog).Assembly;

    private static IEnumerable<MethodInfo> Scanned<TType, TMethod>() where TType : Attribute where TMethod : Attribute =>
        Core.GetTypes()
            .Where(t => t.GetCustomAttribute<TType>() is not null)
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Static))
            .Where(m => m.GetCustomAttribute<TMethod>() is not null);

    private static List<string> Names(IEnumerable<MethodInfo> methods) =>
        [.. methods.Select(m => $"{m.DeclaringType!.Name}.{m.Name}").Order(StringComparer.Ordinal)];

    [Fact]
    public void The_explicit_lists_name_every_tool_prompt_and_resource_of_the_assembly()
    {
        Assert.Equal(Names(Scanned<McpServerToolTypeAttribute, McpServerToolAttribute>()), Names(SentryServerTypes.ToolMethods));
        Assert.Equal(Names(Scanned<McpServerPromptTypeAttribute, McpServerPromptAttribute>()), Names(SentryServerTypes.PromptMethods));
        Assert.Equal(Names(Scanned<McpServerResourceTypeAttribute, McpServerResourceAttribute>()), Names(SentryServerTypes.ResourceMethods));
        Assert.True(SentryServerTypes.ToolMethods.Count >= 50);
    }

    [Fact]
    public void Every_sentry_model_and_tool_output_record_has_a_source_generated_contract()
    {
        var types = Core.GetTypes()
            .Where(t => t.Namespace is "SentryMcp.Core.Api.Models" or "SentryMcp.Core.Tools.Output")
            .Where(t => t is { IsPublic: true, IsAbstract: false, IsGenericTypeDefinition: false } || t is { IsNestedPublic: true })
            .Where(t => t is not { IsAbstract: true, IsSealed: true }) // static classes
            .ToList();
        Assert.True(types.Count > 100, $"Only {types.Count} types found.");
        Assert.All(types, t => Assert.True(SentryMcpJsonContext.Default.GetTypeInfo(t) is not null, $"{t.FullName} is missing from SentryMcpJsonContext."));
    }

    [Fact]
    public void Every_tool_argument_and_output_schema_type_has_a_source_generated_contract()
    {
        var special = new HashSet<Type> { typeof(CancellationToken), typeof(McpServer), typeof(IServiceProvider), typeof(IProgress<ModelContextProtocol.ProgressNotificationValue>) };
        var missing = new List<string>();
        foreach (var method in SentryServerTypes.ToolMethods.Concat(SentryServerTypes.PromptMethods).Concat(SentryServerTypes.ResourceMethods))
        {
            foreach (var parameter in method.GetParameters())
            {
                var type = parameter.ParameterType;
                // Bound by the SDK or from the session's services (interfaces such as IOptions<T>), never from JSON arguments.
                if (special.Contains(type) || type.IsInterface || type.Namespace?.StartsWith("ModelContextProtocol", StringComparison.Ordinal) == true ||
                    (type.Namespace?.StartsWith("SentryMcp.Core", StringComparison.Ordinal) == true && type.IsClass && !type.IsSealed) ||
                    type == typeof(SentryToolContext) || type.Name.EndsWith("Client", StringComparison.Ordinal) || type.Name.EndsWith("Options", StringComparison.Ordinal) ||
                    type.Name.EndsWith("Translator", StringComparison.Ordinal) || type.Name.EndsWith("Index", StringComparison.Ordinal) || type.Name.EndsWith("Cache", StringComparison.Ordinal) || type.Name.EndsWith("Catalog", StringComparison.Ordinal))
                {
                    continue;
                }
                if (SentryMcpJsonContext.Default.GetTypeInfo(type) is null)
                {
                    missing.Add($"{method.DeclaringType!.Name}.{method.Name}({parameter.Name}: {type})");
                }
            }
            if (method.GetCustomAttribute<McpServerToolAttribute>()?.OutputSchemaType is { } output && SentryMcpJsonContext.Default.GetTypeInfo(output) is null)
            {
                missing.Add($"{method.DeclaringType!.Name}.{method.Name} output {output}");
            }
        }
        Assert.Empty(missing);
    }

    [Fact]
    public void Sentry_json_reads_leniently_through_the_source_generated_contracts()
    {
        // Numbers as strings, identifiers as numbers, trailing commas and comments: as with reflection.
        var team = JsonSerializer.Deserialize("""{"id": 42, "slug": "backend", "memberCount": "7", /* note */ "projects": [],}""",
            SentryJson.TypeInfo<SentryMcp.Core.Api.Models.SentryTeam>(SentryJson.Options))!;

        Assert.Equal("42", team.Id);
        Assert.Equal(7, team.MemberCount);
    }
}

using System.Globalization;
using System.Reflection;
using System.Text;

namespace Airline.Pipeline.TestSupport;

/// <summary>
/// A package's public surface as text, one line per type and member, compared with the approved file in its test
/// project: a change to the API is then a visible diff in review. When the text differs, it is written next to the
/// approved file as <c>.received</c>, to be copied over it when the change is intended.
/// </summary>
public static class PublicApi
{
    /// <summary>The approved text and the assembly's actual one (written as <c>.received</c> when they differ).</summary>
    public static (string Approved, string Actual, string ApprovedPath) Compare(Assembly assembly, string testProject)
    {
        var approvedPath = Path.Combine(RepositoryPaths.Root, "tests", testProject, "PublicApi.approved.txt");
        var actual = Describe(assembly);
        var approved = File.Exists(approvedPath) ? File.ReadAllText(approvedPath).ReplaceLineEndings("\n") : string.Empty;
        if (actual != approved)
        {
            File.WriteAllText(approvedPath + ".received", actual);
        }

        return (approved, actual, approvedPath);
    }

    /// <summary>Every exported type with its public members, sorted.</summary>
    public static string Describe(Assembly assembly)
    {
        var text = new StringBuilder();
        foreach (var type in assembly.GetExportedTypes().OrderBy(t => t.FullName, StringComparer.Ordinal))
        {
            text.Append(Kind(type)).Append(' ').Append(type.FullName).Append('\n');
            const BindingFlags flags = BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
            var members = type.GetMembers(flags)
                .Where(m => m is not MethodInfo { IsSpecialName: true } && !IsCompilerGenerated(m))
                .Select(Member)
                .Where(m => m is not null)
                .Order(StringComparer.Ordinal);
            foreach (var member in members)
            {
                text.Append("    ").Append(member).Append('\n');
            }
        }

        return text.ToString();
    }

    private static bool IsCompilerGenerated(MemberInfo m) =>
        m.Name is "<Clone>$" or "EqualityContract" or "Deconstruct" or "PrintMembers";

    private static string Kind(Type t) =>
        t.IsEnum ? "enum" : t.IsInterface ? "interface" : t.IsValueType ? "struct" : t.IsAbstract && t.IsSealed ? "static class" : t.IsSealed ? "sealed class" : "class";

    private static string? Member(MemberInfo m) => m switch
    {
        ConstructorInfo c => $"ctor({Parameters(c.GetParameters())})",
        MethodInfo method => $"{(method.IsStatic ? "static " : string.Empty)}{Name(method.ReturnType)} {method.Name}{TypeParameters(method)}({Parameters(method.GetParameters())})",
        PropertyInfo p => $"{(p.GetMethod?.IsStatic == true ? "static " : string.Empty)}{Name(p.PropertyType)} {p.Name} {{ {(p.GetMethod?.IsPublic == true ? "get; " : string.Empty)}{(p.SetMethod?.IsPublic == true ? (p.SetMethod.ReturnParameter.GetRequiredCustomModifiers().Any(x => x.Name == "IsExternalInit") ? "init; " : "set; ") : string.Empty)}}}",
        FieldInfo f when f.DeclaringType!.IsEnum => f.IsSpecialName ? null : $"{f.Name} = {f.GetRawConstantValue()}",
        FieldInfo f => $"{(f.IsLiteral ? "const " : f.IsStatic ? "static " : string.Empty)}{Name(f.FieldType)} {f.Name}",
        EventInfo e => $"event {Name(e.EventHandlerType!)} {e.Name}",
        _ => null,
    };

    private static string TypeParameters(MethodInfo method) =>
        method.IsGenericMethodDefinition ? $"<{string.Join(", ", method.GetGenericArguments().Select(a => a.Name))}>" : string.Empty;

    private static string Parameters(ParameterInfo[] parameters) =>
        string.Join(", ", parameters.Select(p => $"{Modifier(p)}{Name(p.ParameterType)} {p.Name}{(p.HasDefaultValue ? " = " + DefaultValue(p.DefaultValue) : string.Empty)}"));

    private static string Modifier(ParameterInfo parameter) =>
        !parameter.ParameterType.IsByRef ? string.Empty : parameter.IsOut ? "out " : parameter.IsIn ? "in " : "ref ";

    private static string DefaultValue(object? value) => value switch
    {
        null => "null",
        string text => $"\"{text}\"",
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "null",
    };

    private static string Name(Type t)
    {
        if (t.IsByRef)
        {
            return Name(t.GetElementType()!); // the parameter's modifier says out, in or ref
        }

        if (Nullable.GetUnderlyingType(t) is { } underlying)
        {
            return Name(underlying) + "?";
        }

        if (t.IsArray)
        {
            return Name(t.GetElementType()!) + "[]";
        }

        if (!t.IsGenericType)
        {
            return t.Name;
        }

        var name = t.Name[..t.Name.IndexOf('`', StringComparison.Ordinal)];
        return $"{name}<{string.Join(", ", t.GetGenericArguments().Select(Name))}>";
    }
}

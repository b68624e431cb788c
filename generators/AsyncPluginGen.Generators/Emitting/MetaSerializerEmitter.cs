using System.Linq;
using AsyncPluginGen.Generators.Model;
using AsyncPluginGen.Generators.Parsing;

namespace AsyncPluginGen.Generators.Emitting;

/// <summary>
/// Emits a plugin's ResourceMeta serializer: a nested class with one Write and one Read method per object or collection
/// type of the meta, calling the runtime's <c>ResourceMetaJson</c> primitives. Plain code, no reflection, so it trims
/// and compiles ahead of time, and a debugger can step through it.
/// </summary>
internal static class MetaSerializerEmitter
{
    private const string SerializerClass = KnownNames.MetaSerializerMember;

    private const string Json = "global::AsyncPluginGen.Infrastructure.ResourceMetaJson";
    private const string Writer = "global::System.Text.Json.Utf8JsonWriter";
    private const string Reader = "global::System.Text.Json.Utf8JsonReader";

    public static string Emit(MetaSerializerModel model)
    {
        var codec = model.Codec;
        var meta = model.MetaType;
        var w = new IndentedWriter();
        GeneratedCodeHeader.WriteFileHeader(w, codec.ExperimentalDiagnostics);
        if (model.Namespace is not null)
        {
            w.Open($"namespace {model.Namespace}");
        }

        var provider = $"global::AsyncPluginGen.IResourceMetaSerializerProvider<{meta}>";
        w.Open($"partial {model.TypeKeyword} {model.ClassName} : {provider}");
        GeneratedCodeHeader.WriteMemberAttributes(w);
        w.Line($"global::AsyncPluginGen.IResourceMetaSerializer<{meta}> {provider}.ResourceMetaSerializer => {SerializerClass}.Instance;");
        w.Line();
        w.Line("/// <summary>Reads and writes this plugin's ResourceMeta as JSON, without reflection.</summary>");
        GeneratedCodeHeader.WriteMemberAttributes(w);
        w.Open($"{(codec.IsPublic ? "public" : "internal")} sealed class {SerializerClass} : global::AsyncPluginGen.IResourceMetaSerializer<{meta}>");
        w.Line("/// <summary>The serializer; it holds no state, so one instance serves every caller.</summary>");
        w.Line($"public static {SerializerClass} Instance {{ get; }} = new {SerializerClass}();");
        w.Line();
        w.Open($"private {SerializerClass}()");
        w.Close();
        w.Line();
        w.Line("/// <inheritdoc />");
        w.Open($"public void Write({Writer} writer, {meta} value)");
        w.Line("global::System.ArgumentNullException.ThrowIfNull(writer);");
        WriteValue(w, codec.Root, "value");
        w.Close();
        w.Line();
        w.Line("/// <inheritdoc />");
        w.Line($"public {meta} Read(global::System.ReadOnlySpan<byte> utf8Json) => {Json}.Read<{meta}>(utf8Json, ReadRoot);");
        w.Line();
        w.Line($"private static {meta} ReadRoot(ref {Reader} reader) => {ReadExpression(codec.Root, Literals.String(codec.RootMember))};");
        foreach (var shape in codec.Shapes)
        {
            w.Line();
            if (shape.Kind == MetaValueKind.Object)
            {
                WriteObjectMethods(w, shape);
            }
            else
            {
                WriteCollectionMethods(w, shape);
            }
        }

        w.Close();
        w.Close();
        if (model.Namespace is not null)
        {
            w.Close();
        }

        return w.ToString();
    }

    private static void WriteObjectMethods(IndentedWriter w, MetaShapeModel shape)
    {
        OpenWriteMethod(w, shape);
        w.Line("writer.WriteStartObject();");
        foreach (var member in shape.Members)
        {
            w.Line($"writer.WritePropertyName({Literals.String(member.JsonName)});");
            WriteValue(w, member.Value, "value." + member.Name);
        }

        w.Line("writer.WriteEndObject();");
        w.Close();
        w.Line();

        w.Open($"private static {shape.TypeName} Read{shape.Name}(ref {Reader} reader, string member)");
        w.Line($"{Json}.ReadStartObject(ref reader, member);");
        foreach (var member in shape.Members)
        {
            var initial = member.DefaultValue ?? (member.Value.IsNullable || member.Value.IsValueType ? "default" : "default!");
            w.Line($"{member.Value.DeclaredType} {member.JsonName}Value = {initial};");
            if (NeedsFoundFlag(member))
            {
                w.Line($"bool {member.JsonName}Found = false;");
            }
        }

        w.Open($"while ({Json}.ReadProperty(ref reader, out string name))");
        var keyword = "if";
        foreach (var member in shape.Members)
        {
            w.Open($"{keyword} (string.Equals(name, {Literals.String(member.JsonName)}, global::System.StringComparison.OrdinalIgnoreCase))");
            w.Line($"{member.JsonName}Value = {ReadExpression(member.Value, Literals.String(shape.DisplayName + "." + member.JsonName))};");
            if (NeedsFoundFlag(member))
            {
                w.Line($"{member.JsonName}Found = true;");
            }

            w.Close();
            keyword = "else if";
        }

        w.Line("else");
        w.Open();
        w.Line("// Members this version does not know, such as those a newer version added.");
        w.Line("reader.Skip();");
        w.Close();
        w.Close();
        w.Line();

        foreach (var member in shape.Members.Where(m => m.Required))
        {
            w.Open($"if (!{member.JsonName}Found)");
            w.Line($"throw {Json}.Missing({Literals.String(shape.DisplayName + "." + member.JsonName)});");
            w.Close();
            w.Line();
        }

        var arguments = shape.Members.Where(m => m.Binding == MetaMemberBinding.Constructor).OrderBy(m => m.ParameterIndex)
            .Select(m => $"{m.ParameterName}: {m.JsonName}Value").ToList();
        var initialized = shape.Members.Where(m => m.Binding == MetaMemberBinding.Initializer).ToList();
        var construction = $"new {shape.TypeName}({string.Join(", ", arguments)})";
        var later = shape.Members.Where(m => m.Binding is MetaMemberBinding.Setter or MetaMemberBinding.With).ToList();
        var target = later.Count == 0 ? "return" : $"{shape.TypeName} result =";
        if (initialized.Count == 0)
        {
            w.Line($"{target} {construction};");
        }
        else
        {
            w.Line($"{target} {construction}");
            w.Open();
            foreach (var member in initialized)
            {
                w.Line($"{member.Name} = {member.JsonName}Value,");
            }

            w.Close(";");
        }

        if (later.Count == 0)
        {
            w.Close();
            return;
        }

        foreach (var member in later)
        {
            // Set only when present, so the property's own initializer stands when an older meta lacks it.
            w.Open($"if ({member.JsonName}Found)");
            w.Line(member.Binding == MetaMemberBinding.Setter
                ? $"result.{member.Name} = {member.JsonName}Value;"
                : $"result = result with {{ {member.Name} = {member.JsonName}Value }};");
            w.Close();
        }

        w.Line("return result;");
        w.Close();
    }

    private static bool NeedsFoundFlag(MetaMemberModel member) =>
        member.Required || member.Binding is MetaMemberBinding.Setter or MetaMemberBinding.With;

    private static void WriteCollectionMethods(IndentedWriter w, MetaShapeModel shape)
    {
        var element = shape.Element!;
        OpenWriteMethod(w, shape);
        if (shape.Kind == MetaValueKind.Dictionary)
        {
            w.Line("writer.WriteStartObject();");
            w.Open($"foreach (global::System.Collections.Generic.KeyValuePair<string, {element.DeclaredType}> pair in value)");
            w.Line("writer.WritePropertyName(pair.Key);");
            WriteValue(w, element, "pair.Value");
            w.Close();
            w.Line("writer.WriteEndObject();");
        }
        else
        {
            if (shape.Kind == MetaValueKind.ImmutableArray)
            {
                // A default ImmutableArray has no elements to enumerate; it is written as empty.
                w.Line("writer.WriteStartArray();");
                w.Open($"foreach ({element.DeclaredType} item in value.IsDefault ? global::System.Collections.Immutable.ImmutableArray<{element.DeclaredType}>.Empty : value)");
            }
            else
            {
                w.Line("writer.WriteStartArray();");
                w.Open($"foreach ({element.DeclaredType} item in value)");
            }

            WriteValue(w, element, "item");
            w.Close();
            w.Line("writer.WriteEndArray();");
        }

        w.Close();
        w.Line();

        w.Open($"private static {shape.TypeName} Read{shape.Name}(ref {Reader} reader, string member)");
        var item = ReadExpression(element, "member");
        switch (shape.Kind)
        {
            case MetaValueKind.Dictionary:
                w.Line($"{Json}.ReadStartObject(ref reader, member);");
                w.Line($"global::System.Collections.Generic.Dictionary<string, {element.DeclaredType}> items = new global::System.Collections.Generic.Dictionary<string, {element.DeclaredType}>();");
                w.Open($"while ({Json}.ReadProperty(ref reader, out string key))");
                w.Line($"items[key] = {item};");
                w.Close();
                w.Line("return items;");
                break;
            case MetaValueKind.ImmutableArray:
                w.Line($"{Json}.ReadStartArray(ref reader, member);");
                w.Line($"global::System.Collections.Immutable.ImmutableArray<{element.DeclaredType}>.Builder items = global::System.Collections.Immutable.ImmutableArray.CreateBuilder<{element.DeclaredType}>();");
                w.Open($"while ({Json}.ReadItem(ref reader))");
                w.Line($"items.Add({item});");
                w.Close();
                w.Line("return items.ToImmutable();");
                break;
            default:
                w.Line($"{Json}.ReadStartArray(ref reader, member);");
                w.Line($"global::System.Collections.Generic.List<{element.DeclaredType}> items = new global::System.Collections.Generic.List<{element.DeclaredType}>();");
                w.Open($"while ({Json}.ReadItem(ref reader))");
                w.Line($"items.Add({item});");
                w.Close();
                w.Line(shape.Kind == MetaValueKind.Array ? "return items.ToArray();" : "return items;");
                break;
        }

        w.Close();
    }

    private static void OpenWriteMethod(IndentedWriter w, MetaShapeModel shape)
    {
        if (shape.IsValueType)
        {
            w.Open($"private static void Write{shape.Name}({Writer} writer, {shape.TypeName} value)");
            return;
        }

        // Null is written as null even where the type says it cannot be: Write never fails on what Read can report.
        w.Open($"private static void Write{shape.Name}({Writer} writer, {shape.TypeName}? value)");
        w.Open("if (value is null)");
        w.Line("writer.WriteNullValue();");
        w.Line("return;");
        w.Close();
        w.Line();
    }

    /// <summary>Statements that write <paramref name="expression"/>.</summary>
    private static void WriteValue(IndentedWriter w, MetaValueModel value, string expression)
    {
        if (value.IsNullable && value.IsValueType)
        {
            w.Open($"if ({expression}.HasValue)");
            w.Line(WriteNonNull(value, expression + ".Value"));
            w.Close();
            w.Line("else");
            w.Open();
            w.Line("writer.WriteNullValue();");
            w.Close();
            return;
        }

        // Reference types write null themselves: the writer's string overloads and the generated Write methods check.
        w.Line(WriteNonNull(value, expression));
    }

    private static string WriteNonNull(MetaValueModel value, string expression) => value.Kind switch
    {
        MetaValueKind.String or MetaValueKind.Guid or MetaValueKind.DateTime or MetaValueKind.DateTimeOffset => $"writer.WriteStringValue({expression});",
        MetaValueKind.Boolean => $"writer.WriteBooleanValue({expression});",
        MetaValueKind.Byte or MetaValueKind.SByte or MetaValueKind.Int16 or MetaValueKind.UInt16 or MetaValueKind.Int32
            or MetaValueKind.UInt32 or MetaValueKind.Int64 or MetaValueKind.UInt64 or MetaValueKind.Decimal => $"writer.WriteNumberValue({expression});",
        MetaValueKind.Char or MetaValueKind.Single or MetaValueKind.Double or MetaValueKind.TimeSpan or MetaValueKind.Uri or MetaValueKind.Bytes
            => $"{Json}.Write{value.Kind}(writer, {expression});",
        MetaValueKind.Enum => $"{Json}.WriteEnum<{value.TypeName}>(writer, {expression});",
        _ => $"Write{value.Shape}(writer, {expression});",
    };

    /// <summary>An expression that reads the value at the reader's current token.</summary>
    private static string ReadExpression(MetaValueModel value, string member)
    {
        var read = value.Kind switch
        {
            MetaValueKind.Enum => $"{Json}.ReadEnum<{value.TypeName}>(ref reader, {member})",
            MetaValueKind.Array or MetaValueKind.List or MetaValueKind.ImmutableArray or MetaValueKind.Dictionary or MetaValueKind.Object
                => $"Read{value.Shape}(ref reader, {member})",
            _ => $"{Json}.Read{value.Kind}(ref reader, {member})",
        };
        return value.IsNullable ? $"{Json}.IsNull(ref reader) ? default({value.DeclaredType}) : {read}" : read;
    }
}

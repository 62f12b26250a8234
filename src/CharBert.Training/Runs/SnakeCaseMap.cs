using CsvHelper.Configuration;
using System.Globalization;
using System.Text.Json;

namespace CharBert.Training.Runs;

/// <summary>The toolkit's CSV column convention (results.csv, the experiment CSVs): a record's positional properties (its constructor parameters)
/// under their snake_case names, in declaration order (e.g. TestSet → test_set); derived properties are not columns.</summary>
public class SnakeCaseMap<T> : ClassMap<T>
{
    public SnakeCaseMap()
    {
        AutoMap(CultureInfo.InvariantCulture);
        var positional = ParameterMaps.Select(p => p.Data.Parameter.Name).ToHashSet();
        ReferenceMaps.Clear();
        foreach (var derived in MemberMaps.Where(m => !positional.Contains(m.Data.Member!.Name)).ToList()) MemberMaps.Remove(derived);
        foreach (var member in MemberMaps) member.Name(SnakeCase(member.Data.Member!.Name));
        foreach (var parameter in ParameterMaps) parameter.Name(SnakeCase(parameter.Data.Parameter.Name!));
    }

    static string SnakeCase(string name) => JsonNamingPolicy.SnakeCaseLower.ConvertName(name);
}

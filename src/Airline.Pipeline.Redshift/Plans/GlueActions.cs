namespace Airline.Pipeline.Redshift;

/// <summary>
/// The Glue Redshift connector's <c>connection_options</c> for a plan: write the frame into <see cref="DbTable"/>
/// (a permanent, uniquely named staging table: pre- and postactions run on different connections, so a temp table
/// would not survive), with <see cref="PreActions"/> and <see cref="PostActions"/> as semicolon-separated, single-line
/// strings.
/// </summary>
/// <param name="DbTable">The <c>dbtable</c> option: the staging table, <c>schema.name</c>.</param>
/// <param name="PreActions">The <c>preactions</c> option.</param>
/// <param name="PostActions">The <c>postactions</c> option.</param>
public sealed record GlueActions(string DbTable, string PreActions, string PostActions);

using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Dashboard.Migrations.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class AlarmBucketsAtEveryLevel : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Buckets are derived: the old hourly leaf counts are dropped, and the start-up catch-up recounts them from the alarms.
            migrationBuilder.Sql("DELETE FROM \"AlarmBuckets\";");

            migrationBuilder.DropPrimaryKey(
                name: "PK_AlarmBuckets",
                table: "AlarmBuckets");

            migrationBuilder.DropIndex(
                name: "IX_AlarmBuckets_JurisdictionPath_Hour",
                table: "AlarmBuckets");

            migrationBuilder.DropColumn(
                name: "GridCode",
                table: "AlarmBuckets");

            migrationBuilder.RenameColumn(
                name: "Hour",
                table: "AlarmBuckets",
                newName: "Start");

            migrationBuilder.AddColumn<int>(
                name: "Span",
                table: "AlarmBuckets",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "Depth",
                table: "AlarmBuckets",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddPrimaryKey(
                name: "PK_AlarmBuckets",
                table: "AlarmBuckets",
                columns: new[] { "JurisdictionPath", "Span", "Start", "Category" });

            migrationBuilder.CreateIndex(
                name: "IX_AlarmBuckets_Span_Depth_Start",
                table: "AlarmBuckets",
                columns: new[] { "Span", "Depth", "Start" });

            migrationBuilder.CreateIndex(
                name: "IX_AlarmBuckets_Span_Start",
                table: "AlarmBuckets",
                columns: new[] { "Span", "Start" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropPrimaryKey(
                name: "PK_AlarmBuckets",
                table: "AlarmBuckets");

            migrationBuilder.DropIndex(
                name: "IX_AlarmBuckets_Span_Depth_Start",
                table: "AlarmBuckets");

            migrationBuilder.DropIndex(
                name: "IX_AlarmBuckets_Span_Start",
                table: "AlarmBuckets");

            migrationBuilder.DropColumn(
                name: "Span",
                table: "AlarmBuckets");

            migrationBuilder.DropColumn(
                name: "Depth",
                table: "AlarmBuckets");

            migrationBuilder.RenameColumn(
                name: "Start",
                table: "AlarmBuckets",
                newName: "Hour");

            migrationBuilder.AddColumn<string>(
                name: "GridCode",
                table: "AlarmBuckets",
                type: "character varying(32)",
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddPrimaryKey(
                name: "PK_AlarmBuckets",
                table: "AlarmBuckets",
                columns: new[] { "Hour", "JurisdictionPath", "Category" });

            migrationBuilder.CreateIndex(
                name: "IX_AlarmBuckets_JurisdictionPath_Hour",
                table: "AlarmBuckets",
                columns: new[] { "JurisdictionPath", "Hour" });
        }
    }
}

using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Dashboard.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Investigations : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "InvestigationItems",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Number = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    Category = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Place = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Description = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Major = table.Column<bool>(type: "INTEGER", nullable: false),
                    ResponsibleUnit = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    ResponsiblePerson = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Deadline = table.Column<long>(type: "INTEGER", nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    Result = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    FoundAt = table.Column<long>(type: "INTEGER", nullable: false),
                    RecordedBy = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    JurisdictionPath = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ResolvedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InvestigationItems", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_InvestigationItems_FoundAt",
                table: "InvestigationItems",
                column: "FoundAt");

            migrationBuilder.CreateIndex(
                name: "IX_InvestigationItems_JurisdictionPath_Kind_Status",
                table: "InvestigationItems",
                columns: new[] { "JurisdictionPath", "Kind", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_InvestigationItems_Number",
                table: "InvestigationItems",
                column: "Number",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "InvestigationItems");
        }
    }
}

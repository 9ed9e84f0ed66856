using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Dashboard.Migrations.PostgreSql.Migrations
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
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Number = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Kind = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    Category = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Place = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Description = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    Major = table.Column<bool>(type: "boolean", nullable: false),
                    ResponsibleUnit = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    ResponsiblePerson = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Deadline = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Status = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    Result = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    FoundAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    RecordedBy = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    JurisdictionPath = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ResolvedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
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

using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Dashboard.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class AlarmBuckets : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AlarmBuckets",
                columns: table => new
                {
                    Hour = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    JurisdictionPath = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    Category = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    GridCode = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: true),
                    Count = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AlarmBuckets", x => new { x.Hour, x.JurisdictionPath, x.Category });
                });

            migrationBuilder.CreateIndex(
                name: "IX_AlarmBuckets_JurisdictionPath_Hour",
                table: "AlarmBuckets",
                columns: new[] { "JurisdictionPath", "Hour" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AlarmBuckets");
        }
    }
}

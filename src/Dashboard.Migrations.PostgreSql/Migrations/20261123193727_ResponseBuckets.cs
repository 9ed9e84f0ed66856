using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Dashboard.Migrations.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class ResponseBuckets : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ResponseBuckets",
                columns: table => new
                {
                    Day = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    JurisdictionPath = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Minute = table.Column<int>(type: "integer", nullable: false),
                    Depth = table.Column<int>(type: "integer", nullable: false),
                    Count = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ResponseBuckets", x => new { x.JurisdictionPath, x.Day, x.Minute });
                });

            migrationBuilder.CreateIndex(
                name: "IX_ResponseBuckets_Day",
                table: "ResponseBuckets",
                column: "Day");

            migrationBuilder.CreateIndex(
                name: "IX_ResponseBuckets_Depth_Day",
                table: "ResponseBuckets",
                columns: new[] { "Depth", "Day" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ResponseBuckets");
        }
    }
}

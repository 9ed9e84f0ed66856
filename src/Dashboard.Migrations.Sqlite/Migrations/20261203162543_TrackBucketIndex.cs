using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Dashboard.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class TrackBucketIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_PositionHistory_Units_UnitId",
                table: "PositionHistory");

            migrationBuilder.DropIndex(
                name: "IX_PositionHistory_UnitId_At",
                table: "PositionHistory");

            migrationBuilder.AddColumn<long>(
                name: "Bucket",
                table: "PositionHistory",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            // Existing points get the bucket of their time. SQLite holds times as EF's binary encoding: clock ticks / 1,000
            // shifted left 11 bits, with the offset in minutes in those 11 bits (two's complement).
            migrationBuilder.Sql(
                """
                UPDATE "PositionHistory" SET "Bucket" =
                    (("At" >> 11) * 1000
                     - (CASE WHEN ("At" & 1024) <> 0 THEN ("At" & 2047) - 2048 ELSE ("At" & 2047) END) * 600000000
                     - 621355968000000000) / 100000000;
                """);

            migrationBuilder.CreateIndex(
                name: "IX_PositionHistory_Bucket_UnitId_At",
                table: "PositionHistory",
                columns: new[] { "Bucket", "UnitId", "At" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_PositionHistory_Bucket_UnitId_At",
                table: "PositionHistory");

            migrationBuilder.DropColumn(
                name: "Bucket",
                table: "PositionHistory");

            migrationBuilder.CreateIndex(
                name: "IX_PositionHistory_UnitId_At",
                table: "PositionHistory",
                columns: new[] { "UnitId", "At" });

            migrationBuilder.AddForeignKey(
                name: "FK_PositionHistory_Units_UnitId",
                table: "PositionHistory",
                column: "UnitId",
                principalTable: "Units",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);
        }
    }
}

using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Dashboard.Migrations.SqlServer.Migrations
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
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            // Existing points get the bucket of their time.
            migrationBuilder.Sql("UPDATE [PositionHistory] SET [Bucket] = DATEDIFF_BIG(second, '1970-01-01T00:00:00+00:00', [At]) / 10;");

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

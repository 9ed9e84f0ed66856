using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Dashboard.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class GeofencesAndCheckIns : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "ShiftWindows",
                table: "PatrolPoints",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "Geofences",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Code = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    UnitKinds = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    UnitCodes = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    BoundaryWkt = table.Column<string>(type: "TEXT", nullable: false),
                    JurisdictionPath = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Enabled = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Geofences", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "PatrolCheckIns",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PointCode = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    UnitCode = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PatrolCheckIns", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Geofences_Code",
                table: "Geofences",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PatrolCheckIns_PointCode_At",
                table: "PatrolCheckIns",
                columns: new[] { "PointCode", "At" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Geofences");

            migrationBuilder.DropTable(
                name: "PatrolCheckIns");

            migrationBuilder.DropColumn(
                name: "ShiftWindows",
                table: "PatrolPoints");
        }
    }
}

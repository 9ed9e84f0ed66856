using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Dashboard.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Warnings : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "ClosedBy",
                table: "Warnings",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "DisputeId",
                table: "Warnings",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "FeedbackBy",
                table: "Warnings",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "GridCode",
                table: "Warnings",
                type: "TEXT",
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "LastEvidenceAt",
                table: "Warnings",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<double>(
                name: "Lat",
                table: "Warnings",
                type: "REAL",
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "Lon",
                table: "Warnings",
                type: "REAL",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Level",
                table: "WarningModels",
                type: "TEXT",
                maxLength: 16,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "NotifyRoles",
                table: "WarningModels",
                type: "TEXT",
                maxLength: 200,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<bool>(
                name: "Injury",
                table: "Alarms",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateTable(
                name: "HouseholdMarks",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Key = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Reference = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    DomesticViolence = table.Column<bool>(type: "INTEGER", nullable: false),
                    Injury = table.Column<bool>(type: "INTEGER", nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    JurisdictionPath = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_HouseholdMarks", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "WarningSilences",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ModelCode = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    SubjectKey = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    JurisdictionPath = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ExpiresAt = table.Column<long>(type: "INTEGER", nullable: false),
                    LiftedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    LiftedBy = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WarningSilences", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "WarningStep",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    WarningId = table.Column<long>(type: "INTEGER", nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    Actor = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Action = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Detail = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WarningStep", x => x.Id);
                    table.ForeignKey(
                        name: "FK_WarningStep_Warnings_WarningId",
                        column: x => x.WarningId,
                        principalTable: "Warnings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Warnings_IssuedAt",
                table: "Warnings",
                column: "IssuedAt");

            migrationBuilder.CreateIndex(
                name: "IX_WarningEvidence_Kind_Reference",
                table: "WarningEvidence",
                columns: new[] { "Kind", "Reference" });

            migrationBuilder.CreateIndex(
                name: "IX_HouseholdMarks_Key_At",
                table: "HouseholdMarks",
                columns: new[] { "Key", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_HouseholdMarks_Kind_Reference",
                table: "HouseholdMarks",
                columns: new[] { "Kind", "Reference" });

            migrationBuilder.CreateIndex(
                name: "IX_WarningSilences_ModelCode_ExpiresAt",
                table: "WarningSilences",
                columns: new[] { "ModelCode", "ExpiresAt" });

            migrationBuilder.CreateIndex(
                name: "IX_WarningStep_WarningId",
                table: "WarningStep",
                column: "WarningId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "HouseholdMarks");

            migrationBuilder.DropTable(
                name: "WarningSilences");

            migrationBuilder.DropTable(
                name: "WarningStep");

            migrationBuilder.DropIndex(
                name: "IX_Warnings_IssuedAt",
                table: "Warnings");

            migrationBuilder.DropIndex(
                name: "IX_WarningEvidence_Kind_Reference",
                table: "WarningEvidence");

            migrationBuilder.DropColumn(
                name: "ClosedBy",
                table: "Warnings");

            migrationBuilder.DropColumn(
                name: "DisputeId",
                table: "Warnings");

            migrationBuilder.DropColumn(
                name: "FeedbackBy",
                table: "Warnings");

            migrationBuilder.DropColumn(
                name: "GridCode",
                table: "Warnings");

            migrationBuilder.DropColumn(
                name: "LastEvidenceAt",
                table: "Warnings");

            migrationBuilder.DropColumn(
                name: "Lat",
                table: "Warnings");

            migrationBuilder.DropColumn(
                name: "Lon",
                table: "Warnings");

            migrationBuilder.DropColumn(
                name: "Level",
                table: "WarningModels");

            migrationBuilder.DropColumn(
                name: "NotifyRoles",
                table: "WarningModels");

            migrationBuilder.DropColumn(
                name: "Injury",
                table: "Alarms");
        }
    }
}

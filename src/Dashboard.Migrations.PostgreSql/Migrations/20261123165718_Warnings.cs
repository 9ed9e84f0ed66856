using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Dashboard.Migrations.PostgreSql.Migrations
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
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "DisputeId",
                table: "Warnings",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "FeedbackBy",
                table: "Warnings",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "GridCode",
                table: "Warnings",
                type: "character varying(32)",
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "LastEvidenceAt",
                table: "Warnings",
                type: "timestamp with time zone",
                nullable: false,
                defaultValue: new DateTimeOffset(new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)));

            migrationBuilder.AddColumn<double>(
                name: "Lat",
                table: "Warnings",
                type: "double precision",
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "Lon",
                table: "Warnings",
                type: "double precision",
                nullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "ParametersJson",
                table: "WarningModels",
                type: "character varying(4000)",
                maxLength: 4000,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "text");

            migrationBuilder.AddColumn<string>(
                name: "Level",
                table: "WarningModels",
                type: "character varying(16)",
                maxLength: 16,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "NotifyRoles",
                table: "WarningModels",
                type: "character varying(200)",
                maxLength: 200,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<bool>(
                name: "Injury",
                table: "Alarms",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateTable(
                name: "HouseholdMarks",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Key = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Reference = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    DomesticViolence = table.Column<bool>(type: "boolean", nullable: false),
                    Injury = table.Column<bool>(type: "boolean", nullable: false),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    JurisdictionPath = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_HouseholdMarks", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "WarningSilences",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ModelCode = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    SubjectKey = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    JurisdictionPath = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ExpiresAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    LiftedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    LiftedBy = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WarningSilences", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "WarningStep",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    WarningId = table.Column<long>(type: "bigint", nullable: false),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Actor = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Action = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Detail = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true)
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

            migrationBuilder.AlterColumn<string>(
                name: "ParametersJson",
                table: "WarningModels",
                type: "text",
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(4000)",
                oldMaxLength: 4000);
        }
    }
}

#pragma once
// A content package as the touch exhibits see it: zones → sections → boards,
// in the hall's words. The format on disk is content/PACKAGE_FORMAT.md; this
// model is what a package means once it has been read and checked.

#include <array>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace content {

enum class Language { zh, en };

// The longest text of each kind a package may hold, in characters (Unicode
// code points), in either language. Checked as the manifest is read, before
// any text is measured: setting a text takes time and memory in proportion
// to its length, and nothing a visitor reads comes near these.
// PACKAGE_FORMAT.md lists them.
inline constexpr std::size_t kMaxTitleCharacters = 200;     // a title, of anything that has one
inline constexpr std::size_t kMaxSentenceCharacters = 500;  // a zone's welcome, a board's summary, a caption
inline constexpr std::size_t kMaxLabelCharacters =
    100;  // a hotspot's label, a consultation category's or topic's
inline constexpr std::size_t kMaxBlockCharacters = 5000;   // one block of a board's body, marks included
inline constexpr std::size_t kMaxDetailCharacters = 2000;  // a step's detail
inline constexpr std::size_t kMaxNoteCharacters = 200;     // a thing to bring, a step's place
inline constexpr std::size_t kMaxIdCharacters = 64;        // an id, and the package's version
inline constexpr std::size_t kMaxPathCharacters = 1024;    // a file's path in the package

// Every text a visitor reads, Chinese first.
struct Bilingual {
    std::string zh;
    std::string en;

    const std::string& in(Language language) const { return language == Language::zh ? zh : en; }
};

// The five life periods (五期) a board can be meant for.
enum class LifeStage : std::uint8_t { adolescence, newly_wed, pregnancy, child_rearing, later_life };
inline constexpr std::array kLifeStages = {LifeStage::adolescence, LifeStage::newly_wed, LifeStage::pregnancy,
                                           LifeStage::child_rearing, LifeStage::later_life};
// The manifest's tag ("newly-wed") and back.
std::string_view tag_of(LifeStage stage);
std::optional<LifeStage> life_stage_from_tag(std::string_view tag);

enum class SectionKind { policies, procedures, culture, five_periods, hot_topics };
inline constexpr std::array kSectionKinds = {SectionKind::policies, SectionKind::procedures,
                                             SectionKind::culture, SectionKind::five_periods,
                                             SectionKind::hot_topics};
std::string_view tag_of(SectionKind kind);
std::optional<SectionKind> section_kind_from_tag(std::string_view tag);

// The four service zones.
inline constexpr std::array<std::string_view, 4> kZoneIds = {"boards", "models", "av", "health"};

// The consultation categories a package may rename or give topics: the
// hall's ten, whose ids the monthly report upward counts by. A package cannot
// add one, so every hall reports the same rows.
inline constexpr std::array<std::string_view, 10> kConsultationCategoryIds = {
    "policy",           "legal-aid",      "employment",        "school-enrolment",    "residence-permit",
    "business-licence", "housing-rental", "dispute-mediation", "reproductive-health", "health-screening"};
// Topics a visitor chooses among within one category, on one screen.
inline constexpr std::size_t kMaxConsultationTopics = 30;

// A category as the package names it; what it leaves out stays the kiosk's.
struct ConsultationCategory {
    std::string id;                                // one of kConsultationCategoryIds
    std::optional<Bilingual> label;                // none: the kiosk's own name for it
    std::optional<std::vector<Bilingual>> topics;  // present: in place of the kiosk's topics
};

// One block of a board's rich text.
struct TextSpan {
    std::string text;
    bool emphasis = false;
};
struct TextBlock {
    enum class Kind { heading, paragraph, bullet, numbered };
    Kind kind = Kind::paragraph;
    int number = 0;  // numbered items: the number written in the manifest
    std::vector<TextSpan> spans;
};
using RichText = std::vector<TextBlock>;

// Parses one manifest block ("# heading", "- item", "1. item", paragraph;
// "**emphasis**" inside). Never fails: unmatched "**" is kept as text.
TextBlock parse_text_block(std::string_view source);

struct Picture {
    std::filesystem::path file;  // absolute, inside the package
    Bilingual caption;
};

struct ProcedureStep {
    Bilingual title;
    std::optional<Bilingual> detail;
    std::vector<Bilingual> bring;    // what to bring
    std::optional<Bilingual> where;  // where to go
};

struct Board {
    std::string id;
    Bilingual title;  // hot topics: the question
    std::optional<Bilingual> summary;
    RichText body_zh;
    RichText body_en;
    std::vector<Picture> images;
    std::optional<Picture> video;
    std::vector<LifeStage> audiences;  // empty: everyone
    std::vector<ProcedureStep> steps;

    const RichText& body(Language language) const { return language == Language::zh ? body_zh : body_en; }
    // Listed under a life-stage filter: meant for that stage, or for everyone.
    bool is_for(std::optional<LifeStage> stage) const;
};

struct Section {
    std::string id;
    SectionKind kind = SectionKind::policies;
    Bilingual title;
    std::vector<Board> boards;
};

struct Hotspot {
    Bilingual label;
    double x = 0, y = 0, w = 0, h = 0;  // fractions of the picture
    std::string board;                  // a Board::id
};

struct Model {
    std::string id;
    Bilingual title;
    std::filesystem::path picture;  // absolute
    std::vector<Hotspot> hotspots;
};

struct Zone {
    std::string id;  // one of kZoneIds
    Bilingual title;
    std::optional<Bilingual> welcome;
    std::vector<std::filesystem::path> programme;  // absolute; the attract loop's default films
    std::vector<Section> sections;
    std::vector<Model> models;
};

struct Package {
    std::filesystem::path directory;  // absolute
    std::string id;
    std::string version;
    Bilingual title;
    bool sample = false;
    std::vector<Zone> zones;
    std::vector<ConsultationCategory> consultation_categories;  // in the manifest's order

    const Zone* zone(std::string_view id) const;
    // The board with this id anywhere in the package, with its section.
    struct BoardPlace {
        const Zone* zone = nullptr;
        const Section* section = nullptr;
        const Board* board = nullptr;
    };
    std::optional<BoardPlace> find_board(std::string_view id) const;
};

}  // namespace content

// The walk over a manifest's zones, sections, boards and models: what each
// holds, its ids and tags, and the references between them.
#include <algorithm>
#include <array>
#include <cstdio>
#include <map>
#include <tuple>

#include "package_fields.h"

namespace content {
namespace {

constexpr std::string_view kFormat = "pcw-content/1";
constexpr std::string_view kFormatFamily = "pcw-content/";
// How far outside 0..1 a hotspot edge may fall before it counts as outside
// its picture: decimal fractions do not add up exactly in binary.
constexpr double kFractionTolerance = 1e-9;

// "boards, models, av or health"
template <typename Tags>
std::string one_of(const Tags& tags) {
    std::string list;
    for (std::size_t i = 0; i < tags.size(); ++i) {
        list += i == 0 ? "" : i + 1 == tags.size() ? " or " : ", ";
        list += tags[i];
    }
    return list;
}

// The manifest's tags for every life stage or every section kind.
template <typename Values>
std::vector<std::string_view> tags_of(const Values& values) {
    std::vector<std::string_view> tags;
    for (const auto value : values) {
        tags.push_back(tag_of(value));
    }
    return tags;
}

// Ids that must be unique within some scope, each with where it first came.
class IdRegister {
  public:
    explicit IdRegister(std::string_view what) : m_what(what) {}

    // False (and a problem) when `id` was already taken.
    bool claim(ManifestFields& fields, const std::string& id, const std::string& pointer) {
        const auto [first, inserted] = m_first_place.emplace(id, pointer);
        if (!inserted) {
            fields.report(pointer, "duplicate " + std::string(m_what) + " id " + in_quotes(id) +
                                       " (first at " + first->second + ")");
        }
        return inserted;
    }

    bool contains(const std::string& id) const { return m_first_place.contains(id); }

  private:
    std::string_view m_what;
    std::map<std::string, std::string> m_first_place;
};

class ManifestWalk {
  public:
    ManifestWalk(ManifestFields& fields, Package& package) : m_fields(fields), m_package(package) {}

    void read(const ManifestNode& root) {
        if (!m_fields.object(root, {{"format"}, {"package"}, {"zones"}, {"consultation", kOptional}})) {
            return;
        }
        if (!read_format(root.member("format"))) {
            return;
        }
        read_header(root.member("package"));
        IdRegister zone_ids("zone");
        for (const ManifestNode& node : m_fields.array(root.member("zones"))) {
            m_package.zones.push_back(read_zone(node, zone_ids));
        }
        check_hotspot_boards();
        if (const ManifestNode consultation = root.member("consultation")) {
            read_consultation(consultation, m_fields, m_package);
        }
    }

  private:
    // False when the manifest is in another version of the format: read with
    // this version's rules, the rest of it would only give false problems.
    bool read_format(const ManifestNode& node) {
        const auto format = m_fields.string(node);
        if (!format || *format == kFormat) {
            return true;
        }
        if (format->starts_with(kFormatFamily)) {
            m_fields.report(node.pointer, "format " + in_quotes(*format) +
                                              " is not one this kiosk reads (it reads " + in_quotes(kFormat) +
                                              ")");
            return false;
        }
        m_fields.report(node.pointer, "format must be " + in_quotes(kFormat) + ", not " + in_quotes(*format));
        return true;
    }

    void read_header(const ManifestNode& node) {
        if (!m_fields.object(node, {{"id"}, {"version"}, {"title"}, {"sample", kOptional}})) {
            return;
        }
        m_package.id = m_fields.id(node.member("id")).value_or("");
        m_package.version = m_fields.word(node.member("version"), kMaxIdCharacters, "version").value_or("");
        m_package.title = m_fields.text(node.member("title"), kMaxTitleCharacters).value_or(Bilingual{});
        if (const ManifestNode sample = node.member("sample")) {
            m_package.sample = m_fields.boolean(sample).value_or(false);
        }
    }

    Zone read_zone(const ManifestNode& node, IdRegister& zone_ids) {
        Zone zone;
        if (!m_fields.object(node, {{"id"},
                                    {"title"},
                                    {"welcome", kOptional},
                                    {"programme"},
                                    {"sections"},
                                    {"models", kOptional}})) {
            return zone;
        }
        const ManifestNode id = node.member("id");
        if (auto zone_id = m_fields.string(id)) {
            if (std::find(kZoneIds.begin(), kZoneIds.end(), *zone_id) == kZoneIds.end()) {
                m_fields.report(id.pointer, "unknown zone " + in_quotes(*zone_id) + " (expected " +
                                                one_of(kZoneIds) + ")");
            } else if (zone_ids.claim(m_fields, *zone_id, id.pointer)) {
                zone.id = *zone_id;
            }
        }
        zone.title = m_fields.text(node.member("title"), kMaxTitleCharacters, TextBox::zone_title)
                         .value_or(Bilingual{});
        if (const ManifestNode welcome = node.member("welcome")) {
            zone.welcome = m_fields.text(welcome, kMaxSentenceCharacters);
        }
        for (const ManifestNode& item : m_fields.array(node.member("programme"))) {
            if (auto film = m_fields.path(item, FileRole::programme)) {
                zone.programme.push_back(std::move(*film));
            }
        }
        const ManifestNode sections = node.member("sections");
        IdRegister section_ids("section");
        for (const ManifestNode& section : m_fields.array(sections)) {
            zone.sections.push_back(read_section(section, section_ids));
        }
        if (sections && sections.value->is_array() && sections.value->empty()) {
            m_fields.report(sections.pointer, "a zone needs at least one section");
        }
        IdRegister model_ids("model");
        if (const ManifestNode models = node.member("models")) {
            for (const ManifestNode& model : m_fields.array(models)) {
                zone.models.push_back(read_model(model, model_ids));
            }
        }
        return zone;
    }

    Section read_section(const ManifestNode& node, IdRegister& section_ids) {
        Section section;
        if (!m_fields.object(node, {{"id"}, {"kind"}, {"title"}, {"boards"}})) {
            return section;
        }
        read_id(node.member("id"), section_ids, section.id);
        std::optional<SectionKind> kind;
        const ManifestNode kind_node = node.member("kind");
        if (auto tag = m_fields.string(kind_node)) {
            kind = section_kind_from_tag(*tag);
            if (!kind) {
                m_fields.report(kind_node.pointer, "unknown section kind " + in_quotes(*tag) + " (expected " +
                                                       one_of(tags_of(kSectionKinds)) + ")");
            }
        }
        section.kind = kind.value_or(SectionKind::policies);
        section.title = m_fields.text(node.member("title"), kMaxTitleCharacters, TextBox::section_title)
                            .value_or(Bilingual{});
        for (const ManifestNode& board : m_fields.array(node.member("boards"))) {
            section.boards.push_back(read_board(board, kind));
        }
        return section;
    }

    Board read_board(const ManifestNode& node, std::optional<SectionKind> kind) {
        Board board;
        if (!m_fields.object(node, {{"id"},
                                    {"title"},
                                    {"summary", kOptional},
                                    {"body"},
                                    {"images", kOptional},
                                    {"video", kOptional},
                                    {"audiences", kOptional},
                                    {"steps", kOptional}})) {
            return board;
        }
        read_id(node.member("id"), m_board_ids, board.id);
        board.title = m_fields.text(node.member("title"), kMaxTitleCharacters, TextBox::board_title)
                          .value_or(Bilingual{});
        if (const ManifestNode summary = node.member("summary")) {
            board.summary = m_fields.text(summary, kMaxSentenceCharacters, TextBox::board_summary);
        }
        read_body(node.member("body"), board);
        if (const ManifestNode images = node.member("images")) {
            for (const ManifestNode& image : m_fields.array(images)) {
                if (auto picture = read_picture(image, FileRole::picture)) {
                    board.images.push_back(std::move(*picture));
                }
            }
        }
        if (const ManifestNode video = node.member("video")) {
            board.video = read_picture(video, FileRole::film);
        }
        if (const ManifestNode audiences = node.member("audiences")) {
            read_audiences(audiences, board);
        }
        const ManifestNode steps = node.member("steps");
        if (steps) {
            for (const ManifestNode& step : m_fields.array(steps)) {
                board.steps.push_back(read_step(step));
            }
        }
        const bool without_steps = !steps || (steps.value->is_array() && steps.value->empty());
        if (kind == SectionKind::procedures && without_steps) {
            m_fields.report(steps.pointer, "a board in a procedures section needs its steps");
        }
        return board;
    }

    void read_body(const ManifestNode& node, Board& board) {
        if (!m_fields.object(node, {{"zh"}, {"en"}})) {
            return;
        }
        for (const auto& [language, name, body] :
             {std::tuple{"Chinese", "zh", &board.body_zh}, std::tuple{"English", "en", &board.body_en}}) {
            const ManifestNode blocks = node.member(name);
            for (const ManifestNode& block : m_fields.array(blocks)) {
                if (auto source = m_fields.word(block, kMaxBlockCharacters)) {
                    body->push_back(parse_text_block(*source));
                }
            }
            if (blocks && blocks.value->is_array() && blocks.value->empty()) {
                m_fields.report(blocks.pointer, "empty " + std::string(language) + " text");
            }
        }
    }

    std::optional<Picture> read_picture(const ManifestNode& node, FileRole role) {
        if (!m_fields.object(node, {{"file"}, {"caption"}})) {
            return std::nullopt;
        }
        auto file = m_fields.path(node.member("file"), role);
        auto caption = m_fields.text(node.member("caption"), kMaxSentenceCharacters, TextBox::caption);
        if (!file || !caption) {
            return std::nullopt;
        }
        return Picture{std::move(*file), std::move(*caption)};
    }

    void read_audiences(const ManifestNode& node, Board& board) {
        for (const ManifestNode& element : m_fields.array(node)) {
            auto tag = m_fields.string(element);
            if (!tag) {
                continue;
            }
            if (auto stage = life_stage_from_tag(*tag)) {
                board.audiences.push_back(*stage);
            } else {
                m_fields.report(element.pointer, "unknown audience " + in_quotes(*tag) + " (expected " +
                                                     one_of(tags_of(kLifeStages)) + ")");
            }
        }
    }

    ProcedureStep read_step(const ManifestNode& node) {
        ProcedureStep step;
        if (!m_fields.object(
                node, {{"title"}, {"detail", kOptional}, {"bring", kOptional}, {"where", kOptional}})) {
            return step;
        }
        step.title = m_fields.text(node.member("title"), kMaxTitleCharacters, TextBox::step_title)
                         .value_or(Bilingual{});
        if (const ManifestNode detail = node.member("detail")) {
            step.detail = m_fields.text(detail, kMaxDetailCharacters);
        }
        if (const ManifestNode bring = node.member("bring")) {
            for (const ManifestNode& thing : m_fields.array(bring)) {
                if (auto text = m_fields.text(thing, kMaxNoteCharacters)) {
                    step.bring.push_back(std::move(*text));
                }
            }
        }
        if (const ManifestNode where = node.member("where")) {
            step.where = m_fields.text(where, kMaxNoteCharacters);
        }
        return step;
    }

    Model read_model(const ManifestNode& node, IdRegister& model_ids) {
        Model model;
        if (!m_fields.object(node, {{"id"}, {"title"}, {"picture"}, {"hotspots"}})) {
            return model;
        }
        read_id(node.member("id"), model_ids, model.id);
        model.title = m_fields.text(node.member("title"), kMaxTitleCharacters, TextBox::model_title)
                          .value_or(Bilingual{});
        model.picture = m_fields.path(node.member("picture"), FileRole::picture).value_or("");
        for (const ManifestNode& hotspot : m_fields.array(node.member("hotspots"))) {
            model.hotspots.push_back(read_hotspot(hotspot));
        }
        return model;
    }

    Hotspot read_hotspot(const ManifestNode& node) {
        Hotspot hotspot;
        if (!m_fields.object(node, {{"label"}, {"x"}, {"y"}, {"w"}, {"h"}, {"board"}})) {
            return hotspot;
        }
        hotspot.label = m_fields.text(node.member("label"), kMaxLabelCharacters, TextBox::hotspot_label)
                            .value_or(Bilingual{});
        const auto x = m_fields.number(node.member("x"));
        const auto y = m_fields.number(node.member("y"));
        const auto w = m_fields.number(node.member("w"));
        const auto h = m_fields.number(node.member("h"));
        check_span(node, "x", x, "w", w, "right");
        check_span(node, "y", y, "h", h, "bottom");
        hotspot.x = x.value_or(0);
        hotspot.y = y.value_or(0);
        hotspot.w = w.value_or(0);
        hotspot.h = h.value_or(0);
        const ManifestNode board = node.member("board");
        if (auto board_id = m_fields.string(board)) {
            hotspot.board = *board_id;
            m_hotspot_boards.emplace_back(*board_id, board.pointer);
        }
        return hotspot;
    }

    // One side of a hotspot's rectangle: `start` and `size` along one axis.
    void check_span(const ManifestNode& hotspot, std::string_view start_name, std::optional<double> start,
                    std::string_view size_name, std::optional<double> size, std::string_view far_edge) {
        const std::string start_pointer = hotspot.member(start_name).pointer;
        const std::string size_pointer = hotspot.member(size_name).pointer;
        const bool start_inside = start && *start >= 0 && *start <= 1;
        const bool size_positive = size && *size > 0;
        if (start && !start_inside) {
            m_fields.report(start_pointer, std::string(start_name) + " " + number_text(*start) +
                                               " lies outside the picture (0 to 1)");
        }
        if (size && !size_positive) {
            m_fields.report(size_pointer,
                            std::string(size_name) + " must be more than 0, not " + number_text(*size));
        }
        if (start_inside && size_positive && *start + *size > 1 + kFractionTolerance) {
            m_fields.report(size_pointer, "the hotspot reaches past the " + std::string(far_edge) +
                                              " edge of its picture (" + std::string(start_name) + " + " +
                                              std::string(size_name) + " = " + number_text(*start + *size) +
                                              ")");
        }
    }

    // 0.18, 1.08, 1.0000001: as people write them, to ten significant
    // digits (a sum of decimal fractions is rarely exact in binary).
    static std::string number_text(double value) {
        std::array<char, 32> text{};
        std::snprintf(text.data(), text.size(), "%.10g", value);
        return text.data();
    }

    void read_id(const ManifestNode& node, IdRegister& ids, std::string& id) {
        if (auto value = m_fields.id(node); value && ids.claim(m_fields, *value, node.pointer)) {
            id = std::move(*value);
        }
    }

    // After the walk, since a hotspot may name a board of a later zone. By
    // the ids claimed, not a search of the package per hotspot: a manifest of
    // many boards and hotspots is checked in time in proportion to its size.
    void check_hotspot_boards() {
        for (const auto& [board_id, pointer] : m_hotspot_boards) {
            if (!m_board_ids.contains(board_id)) {
                m_fields.report(pointer, "no board " + in_quotes(board_id) + " in the package");
            }
        }
    }

    ManifestFields& m_fields;
    Package& m_package;
    IdRegister m_board_ids{"board"};  // unique in the whole package: hotspots name boards by id
    std::vector<std::pair<std::string, std::string>> m_hotspot_boards;  // board id, pointer of the reference
};

}  // namespace

void walk_manifest(const ManifestNode& root, ManifestFields& fields, Package& package) {
    ManifestWalk(fields, package).read(root);
}

}  // namespace content

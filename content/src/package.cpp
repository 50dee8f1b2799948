#include "content/package.h"

#include <algorithm>
#include <charconv>

namespace content {
namespace {

constexpr std::array<std::string_view, kLifeStages.size()> kLifeStageTags = {
    "adolescence", "newly-wed", "pregnancy", "child-rearing", "later-life"};

constexpr std::array<std::string_view, kSectionKinds.size()> kSectionKindTags = {
    "policies", "procedures", "culture", "five-periods", "hot-topics"};

constexpr std::string_view kEmphasisMark = "**";

void add_span(std::vector<TextSpan>& spans, std::string_view text, bool emphasis) {
    if (text.empty()) {
        return;
    }
    if (!spans.empty() && spans.back().emphasis == emphasis) {
        spans.back().text += text;
        return;
    }
    spans.push_back(TextSpan{std::string(text), emphasis});
}

// "**a** b **c" → [a]* [ b **c]: a mark without a partner is the writer's
// text, not markup, so it is shown as written.
std::vector<TextSpan> parse_spans(std::string_view text) {
    std::vector<TextSpan> spans;
    while (!text.empty()) {
        const std::size_t open = text.find(kEmphasisMark);
        const std::size_t close =
            open == std::string_view::npos ? open : text.find(kEmphasisMark, open + kEmphasisMark.size());
        if (close == std::string_view::npos) {
            add_span(spans, text, false);
            break;
        }
        add_span(spans, text.substr(0, open), false);
        const std::size_t inner = open + kEmphasisMark.size();
        add_span(spans, text.substr(inner, close - inner), true);
        text.remove_prefix(close + kEmphasisMark.size());
    }
    return spans;
}

// "12. text" → 12 and the offset of "text"; nothing when it is not a numbered item.
std::optional<std::pair<int, std::size_t>> numbered_item(std::string_view source) {
    int number = 0;
    const auto [end, error] = std::from_chars(source.data(), source.data() + source.size(), number);
    if (error != std::errc{} || end == source.data()) {
        return std::nullopt;
    }
    const std::string_view rest(end, static_cast<std::size_t>(source.data() + source.size() - end));
    if (!rest.starts_with(". ") || source.front() == '-' || source.front() == '+') {
        return std::nullopt;
    }
    return std::pair{number, static_cast<std::size_t>(end - source.data()) + 2};
}

}  // namespace

std::string_view tag_of(LifeStage stage) {
    return kLifeStageTags[static_cast<std::size_t>(stage)];
}

std::optional<LifeStage> life_stage_from_tag(std::string_view tag) {
    const auto found = std::find(kLifeStageTags.begin(), kLifeStageTags.end(), tag);
    if (found == kLifeStageTags.end()) {
        return std::nullopt;
    }
    return kLifeStages[static_cast<std::size_t>(found - kLifeStageTags.begin())];
}

std::string_view tag_of(SectionKind kind) {
    return kSectionKindTags[static_cast<std::size_t>(kind)];
}

std::optional<SectionKind> section_kind_from_tag(std::string_view tag) {
    const auto found = std::find(kSectionKindTags.begin(), kSectionKindTags.end(), tag);
    if (found == kSectionKindTags.end()) {
        return std::nullopt;
    }
    return kSectionKinds[static_cast<std::size_t>(found - kSectionKindTags.begin())];
}

TextBlock parse_text_block(std::string_view source) {
    TextBlock block;
    std::string_view text = source;
    if (source.starts_with("# ")) {
        block.kind = TextBlock::Kind::heading;
        text.remove_prefix(2);
    } else if (source.starts_with("- ")) {
        block.kind = TextBlock::Kind::bullet;
        text.remove_prefix(2);
    } else if (auto item = numbered_item(source)) {
        block.kind = TextBlock::Kind::numbered;
        block.number = item->first;
        text.remove_prefix(item->second);
    }
    block.spans = parse_spans(text);
    return block;
}

bool Board::is_for(std::optional<LifeStage> stage) const {
    return !stage || audiences.empty() ||
           std::find(audiences.begin(), audiences.end(), *stage) != audiences.end();
}

const Zone* Package::zone(std::string_view id) const {
    const auto found =
        std::find_if(zones.begin(), zones.end(), [id](const Zone& zone) { return zone.id == id; });
    return found == zones.end() ? nullptr : &*found;
}

std::optional<Package::BoardPlace> Package::find_board(std::string_view id) const {
    for (const Zone& zone : zones) {
        for (const Section& section : zone.sections) {
            for (const Board& board : section.boards) {
                if (board.id == id) {
                    return BoardPlace{&zone, &section, &board};
                }
            }
        }
    }
    return std::nullopt;
}

}  // namespace content

// Asking for help laid out: every screen of the flow, and the bar's "ask
// for help" button on the pages, on the hall's three screen shapes in both
// languages and in large text, with the stand-in font of fixed widths
// (wider and taller than the hall's). And Scene::find_text, which scripts
// tap by.
#include "ui/consult_layout.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <sstream>
#include <string>
#include <vector>

#include "fixed_width_measure.h"
#include "ui/shapes.h"

namespace kiosk::ui {
namespace {

using Kind = Action::Kind;
using Step = ConsultStep;

class NoPictures final : public PictureSizes {
  public:
    std::optional<PictureSize> size_of(const std::filesystem::path&) const override { return std::nullopt; }
};

content::Package make_package() {
    content::Package package;
    package.directory = "/pkg";
    package.sample = true;
    content::Zone zone;
    zone.id = "boards";
    zone.title = {"展板知识教育区", "Exhibit-board zone"};
    content::Section section;
    section.id = "policies";
    section.title = {"政策法规", "Policies"};
    content::Board board;
    board.id = "first";
    board.title = {"第一块展板", "The first board"};
    section.boards = {board};
    zone.sections = {section};
    package.zones = {zone};
    return package;
}

struct Setting {
    ScreenMetrics screen;
    content::Language language = content::Language::zh;
    bool large_text = false;
};

std::string name_of(const Setting& setting) {
    return std::to_string(setting.screen.width) + "x" + std::to_string(setting.screen.height) +
           (setting.language == content::Language::zh ? "_zh" : "_en") + (setting.large_text ? "_large" : "");
}

std::vector<Setting> every_setting() {
    std::vector<Setting> settings;
    for (const ScreenMetrics& screen :
         {ScreenMetrics{1920, 1080, 3.6}, ScreenMetrics{1080, 1920, 3.6}, ScreenMetrics{3840, 2160, 7.2}}) {
        for (const auto language : {content::Language::zh, content::Language::en}) {
            for (const bool large : {false, true}) {
                settings.push_back({screen, language, large});
            }
        }
    }
    return settings;
}

bool inside(const Rect& inner, const Rect& outer) {
    return inner.x >= outer.x && inner.y >= outer.y && inner.right() <= outer.right() &&
           inner.bottom() <= outer.bottom();
}

std::string describe(const Rect& rect) {
    std::ostringstream out;
    out << "(" << rect.x << ", " << rect.y << ", " << rect.w << "x" << rect.h << ")";
    return out.str();
}

// Where an op draws (a text's trailing spaces left out).
Rect extent(const DrawOp& op, const TextMeasure& measure) {
    if (const auto* text = std::get_if<TextOp>(&op)) {
        std::string visible = text->text;
        while (!visible.empty() && visible.back() == ' ') {
            visible.pop_back();
        }
        return {text->x, text->y, measure.width(visible, text->style), measure.line_height(text->style)};
    }
    if (const auto* shape = std::get_if<ShapeOp>(&op)) {
        float left = 1e9f, right = -1e9f, top = 1e9f, bottom = -1e9f;
        for (const ShapePoint& point : *shape->triangles) {
            left = std::min(left, point.x);
            right = std::max(right, point.x);
            top = std::min(top, point.y);
            bottom = std::max(bottom, point.y);
        }
        return {static_cast<int>(std::floor(left)), static_cast<int>(std::floor(top)),
                static_cast<int>(std::ceil(right) - std::floor(left)),
                static_cast<int>(std::ceil(bottom) - std::floor(top))};
    }
    return std::visit(
        [](const auto& drawn) -> Rect {
            if constexpr (requires { drawn.rect; }) {
                return drawn.rect;
            } else {
                return {};
            }
        },
        op);
}

// A flow driven to each of its screens.
class ConsultLayoutTest : public ::testing::TestWithParam<Setting> {
  protected:
    ConsultLayoutTest() : package(make_package()), navigator(package.zones[0]) {
        navigator.apply(Action{Kind::start});
        if (GetParam().language == content::Language::en) {
            navigator.apply(Action{Kind::toggle_language});
        }
        if (GetParam().large_text) {
            navigator.apply(Action{Kind::toggle_large_text});
        }
        theme = Theme::make(GetParam().screen, GetParam().large_text, "boards");
    }

    void take(Step step, int parameter = 0) {
        std::vector<ExhibitRequest> requests;
        flow.apply(ConsultFlow::action(step, parameter), navigator, requests);
        for (const ExhibitRequest& request : requests) {
            if (request.consultation) {
                serial = request.consultation->serial;
            }
        }
    }
    Scene scene() const {
        return flow.lay_out(LayoutInput{package, navigator, theme, measure, pictures, {}});
    }

    // The rules every screen of the flow keeps.
    void expect_well_formed(const std::string& where) {
        SCOPED_TRACE(name_of(GetParam()) + " " + where);
        const Scene laid_out = scene();
        const Rect screen{0, 0, theme.screen.width, theme.screen.height};
        for (const DrawOp& op : laid_out.over) {
            EXPECT_TRUE(inside(extent(op, measure), screen)) << "over: " << describe(extent(op, measure));
        }
        ASSERT_TRUE(laid_out.scroll);
        const ScrollArea& area = *laid_out.scroll;
        const Rect content{0, 0, area.viewport.w, std::max(area.content_height, area.viewport.h)};
        for (const DrawOp& op : area.ops) {
            const auto* text = std::get_if<TextOp>(&op);
            EXPECT_TRUE(inside(extent(op, measure), content))
                << (text ? "\"" + text->text + "\"" : "op") << " at " << describe(extent(op, measure))
                << " outside the page " << describe(content);
        }
        std::vector<HitTarget> targets = laid_out.targets;
        targets.insert(targets.end(), area.targets.begin(), area.targets.end());
        for (const HitTarget& target : area.targets) {
            EXPECT_TRUE(inside(target.rect, content)) << target.label << " at " << describe(target.rect);
        }
        for (const HitTarget& target : targets) {
            EXPECT_GE(target.rect.w, theme.min_target) << target.label << " narrower than a fingertip";
            EXPECT_GE(target.rect.h, theme.min_target) << target.label << " lower than a fingertip";
            EXPECT_FALSE(target.label.empty())
                << "a target a script cannot find, at " << describe(target.rect);
        }
        for (std::size_t a = 0; a < area.targets.size(); ++a) {
            for (std::size_t b = a + 1; b < area.targets.size(); ++b) {
                EXPECT_FALSE(area.targets[a].rect.intersects(area.targets[b].rect))
                    << area.targets[a].label << " overlaps " << area.targets[b].label;
            }
        }
        // The hall's usual screen in normal text: every screen shows whole.
        if (theme.screen.width == 1920 && theme.screen.height == 1080 && !theme.large_text) {
            EXPECT_LE(area.content_height, area.viewport.h) << "the page scrolls";
        }
    }

    content::Package package;
    Navigator navigator;
    Theme theme;
    FixedWidthMeasure measure;
    NoPictures pictures;
    ConsultFlow flow{ConsultSettings{}};
    int serial = 0;
};

TEST_P(ConsultLayoutTest, EveryScreenKeepsToTheScreenWithFingerSizedLabelledTargets) {
    take(Step::open);
    expect_well_formed("categories");
    take(Step::category, 1);
    expect_well_formed("topics");
    take(Step::topic, 0);
    expect_well_formed("summary");
    take(Step::call_back);
    take(Step::consent_given);
    expect_well_formed("consent, not ticked");
    take(Step::tick_consent);
    take(Step::consent_given);
    for (const char digit : std::string("123")) {
        take(Step::digit, digit - '0');
    }
    take(Step::number_done);
    expect_well_formed("keypad, refused");
    for (int i = 0; i < 3; ++i) {
        take(Step::delete_digit);
    }
    for (const char digit : std::string("13812345678")) {
        take(Step::digit, digit - '0');
    }
    take(Step::number_done);
    expect_well_formed("summary with a call-back");
    take(Step::submit);
    expect_well_formed("saving");
    flow.committed(serial, records::Committed{1, "A001"});
    expect_well_formed("confirmed");
    take(Step::face, 1);
    expect_well_formed("reason");
    take(Step::no_reason);
    expect_well_formed("thanks");
    take(Step::close);
    flow.offer_rating(5);
    take(Step::rate_at_desk);
    expect_well_formed("desk rating");
    flow.set_records_available(false);
    take(Step::close);
    take(Step::open);
    expect_well_formed("unavailable");
}

TEST_P(ConsultLayoutTest, EveryCategoryIsATileWithItsBadgeAndTheConfirmationShowsTheNumber) {
    take(Step::open);
    const Scene categories = scene();
    ASSERT_EQ(categories.scroll->targets.size(), records::default_categories().size());
    const std::string expected = GetParam().language == content::Language::zh ? "法律援助" : "Legal aid";
    EXPECT_NE(categories.scroll->targets[1].label.find(expected), std::string::npos);
    const auto badge =
        std::find_if(categories.scroll->ops.begin(), categories.scroll->ops.end(), [](const DrawOp& op) {
            const auto* text = std::get_if<TextOp>(&op);
            return text != nullptr && text->text == "法";
        });
    EXPECT_NE(badge, categories.scroll->ops.end()) << "the badge's character";
    take(Step::category, 1);
    take(Step::other_topic);
    take(Step::submit);
    flow.committed(serial, records::Committed{1, "A017"});
    const Scene confirmed = scene();
    const auto number =
        std::find_if(confirmed.scroll->ops.begin(), confirmed.scroll->ops.end(), [](const DrawOp& op) {
            const auto* text = std::get_if<TextOp>(&op);
            return text != nullptr && text->text == "A017";
        });
    ASSERT_NE(number, confirmed.scroll->ops.end());
    EXPECT_GE(std::get<TextOp>(*number).style.size_px, theme.px(100))
        << "the number is the largest thing there";
    const int faces = static_cast<int>(std::count_if(
        confirmed.scroll->targets.begin(), confirmed.scroll->targets.end(),
        [](const HitTarget& target) { return target.action.index / 1000 == static_cast<int>(Step::face); }));
    EXPECT_EQ(faces, 5);
}

// The pages' bar: "ask for help" in both languages, a fingertip or more,
// clear of the other buttons, on every page.
TEST_P(ConsultLayoutTest, ThePagesBarOffersAskingForHelpInBothLanguages) {
    const Scene page = lay_out(LayoutInput{package, navigator, theme, measure, pictures, {}});
    const auto ask = std::find_if(page.targets.begin(), page.targets.end(), [](const HitTarget& target) {
        return target.action == ConsultFlow::action(Step::open);
    });
    ASSERT_NE(ask, page.targets.end());
    EXPECT_NE(ask->label.find("咨询"), std::string::npos);
    EXPECT_NE(ask->label.find("Ask for help"), std::string::npos);
    EXPECT_GE(ask->rect.h, theme.min_target);
    EXPECT_GE(ask->rect.w, theme.px(300));
    EXPECT_GE(ask->rect.y, theme.screen.height - theme.toolbar) << "on the bar";
    EXPECT_LE(ask->rect.bottom(), theme.screen.height);
    for (const HitTarget& other : page.targets) {
        if (&other != &*ask && other.rect.y >= theme.screen.height - theme.toolbar) {
            EXPECT_FALSE(other.rect.intersects(ask->rect)) << other.label << " under " << ask->label;
        }
    }
    // Its whole label shows: nothing cut with "…" on it.
    for (const DrawOp& op : page.over) {
        const auto* text = std::get_if<TextOp>(&op);
        if (text != nullptr && ask->rect.contains(text->x, text->y)) {
            EXPECT_EQ(text->text.find("…"), std::string::npos) << text->text;
        }
    }
    EXPECT_TRUE(page.find_text(GetParam().language == content::Language::zh ? "咨询" : "Ask for help", 0));
}

INSTANTIATE_TEST_SUITE_P(AllScreens, ConsultLayoutTest, ::testing::ValuesIn(every_setting()),
                         [](const auto& info) { return name_of(info.param); });

// --- Scene::find_text ----------------------------------------------------------------------------

TEST(SceneFindText, FindsTheCentreOfTheFirstVisibleTargetSayingTheText) {
    Scene scene;
    scene.targets.push_back(HitTarget{{0, 900, 200, 100}, Action{Kind::home}, "首页"});
    scene.targets.push_back(HitTarget{{300, 900, 200, 100}, Action{Kind::back}, "返回"});
    ScrollArea area;
    area.viewport = {0, 100, 1000, 800};
    area.content_height = 3000;
    area.targets.push_back(HitTarget{{0, 0, 1000, 100}, Action{Kind::open_board, -1, "a"}, "非常不满意"});
    area.targets.push_back(HitTarget{{0, 200, 1000, 100}, Action{Kind::open_board, -1, "b"}, "不满意"});
    area.targets.push_back(HitTarget{{0, 2000, 1000, 100}, Action{Kind::open_board, -1, "c"}, "远在下面"});
    // No label: the texts drawn inside it.
    area.targets.push_back(HitTarget{{0, 400, 1000, 100}, Action{Kind::open_board, -1, "d"}});
    area.ops.push_back(TextOp{10, 410, "Reproductive", {}, {}});
    area.ops.push_back(TextOp{10, 450, "health advice", {}, {}});
    scene.scroll = area;

    const auto back = scene.find_text("返回", 0);
    ASSERT_TRUE(back);
    EXPECT_DOUBLE_EQ(back->x, 400);
    EXPECT_DOUBLE_EQ(back->y, 950);
    // The label that is the text comes before one that holds it.
    const auto unhappy = scene.find_text("不满意", 0);
    ASSERT_TRUE(unhappy);
    EXPECT_EQ(scene.hit(unhappy->x, unhappy->y, 0)->board, "b");
    // Texts inside a target without a label, across its lines.
    const auto inside_text = scene.find_text("Reproductive health", 0);
    ASSERT_TRUE(inside_text);
    EXPECT_EQ(scene.hit(inside_text->x, inside_text->y, 0)->board, "d");
    // Scrolled out of sight, then into it.
    EXPECT_FALSE(scene.find_text("远在下面", 0));
    const auto below = scene.find_text("远在下面", 1600);
    ASSERT_TRUE(below);
    EXPECT_EQ(scene.hit(below->x, below->y, 1600)->board, "c");
    EXPECT_FALSE(scene.find_text("不在这里", 0));
    EXPECT_FALSE(scene.find_text("", 0));
}

TEST(SceneFindText, ATargetUnderAnOverlayIsNotVisible) {
    Scene scene;
    scene.targets.push_back(HitTarget{{0, 900, 200, 100}, Action{Kind::choose_filter}, "我是…"});
    scene.targets.push_back(HitTarget{{0, 0, 1920, 1080}, Action{Kind::close_overlay}, "关闭"});
    EXPECT_FALSE(scene.find_text("我是", 0));
    // Partly covered: visible where its centre is not covered.
    ScrollArea area;
    area.viewport = {0, 0, 1000, 500};
    area.content_height = 500;
    area.targets.push_back(HitTarget{{0, 400, 1000, 300}, Action{Kind::open_section, 1}, "下半截"});
    Scene partly;
    partly.scroll = area;
    const auto point = partly.find_text("下半截", 0);
    ASSERT_TRUE(point);
    EXPECT_DOUBLE_EQ(point->y, 450) << "the centre of the part inside the viewport";
}

}  // namespace
}  // namespace kiosk::ui

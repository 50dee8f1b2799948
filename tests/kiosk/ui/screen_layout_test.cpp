// lay_out: every exhibit view on the hall's three screen shapes, in both
// languages and in large text, with a stand-in font of fixed widths and
// stand-in picture sizes. First the rules every screen keeps, checked on all
// of them; then what particular views must offer.
#include "ui/screen_layout.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "fixed_width_measure.h"
#include "ui/ui_text.h"

namespace kiosk::ui {
namespace {

using content::LifeStage;
using Kind = Action::Kind;

class FakePictureSizes final : public PictureSizes {
  public:
    std::optional<PictureSize> size_of(const std::filesystem::path& file) const override {
        const auto found = sizes.find(file.filename().string());
        return found == sizes.end() ? std::nullopt : std::optional(found->second);
    }
    std::map<std::string, PictureSize> sizes{{"wide.png", {1600, 900}},
                                             {"tall.png", {600, 1800}},
                                             {"model.png", {1600, 1000}},
                                             {"thumb.png", {1200, 750}}};
};

content::Bilingual both(const std::string& zh, const std::string& en) {
    return {zh, en};
}

content::Board make_board(const std::string& id, std::vector<LifeStage> audiences,
                          std::vector<std::string> pictures = {}) {
    content::Board board;
    board.id = id;
    board.title = both("展板" + id + "的标题", "The title of board " + id);
    board.summary = both("一句话介绍这块展板的内容。", "One line on what this board says.");
    board.body_zh = {content::parse_text_block("# 小标题"), content::parse_text_block("一段**重点**文字。"),
                     content::parse_text_block("- 列表项"), content::parse_text_block("1. 编号项")};
    board.body_en = {content::parse_text_block("# Heading"),
                     content::parse_text_block("A **key** paragraph."),
                     content::parse_text_block("- an item"), content::parse_text_block("1. a numbered item")};
    board.audiences = std::move(audiences);
    for (const std::string& picture : pictures) {
        board.images.push_back(
            {"/pkg/images/" + picture, both("图片说明文字", "A caption under the picture")});
    }
    return board;
}

// A board that takes several screens: a long body, steps, a film and pictures.
content::Board make_long_board() {
    content::Board board =
        make_board("long", {LifeStage::pregnancy}, {"tall.png", "wide.png", "missing.png"});
    for (int index = 0; index < 30; ++index) {
        board.body_zh.push_back(content::parse_text_block(
            "这是一段很长的说明文字，用来让展板的内容超过一屏，需要上下滑动才能读完。"));
        board.body_en.push_back(content::parse_text_block(
            "This is a long paragraph that makes the board longer than one screen, so it has to scroll."));
    }
    content::ProcedureStep step;
    step.title = both("提交材料", "Hand in the papers");
    step.detail = both("到窗口提交。", "At the window.");
    step.bring = {both("身份证", "ID card"), both("户口簿", "Household register")};
    step.where = both("一楼 3 号窗口", "Ground floor, window 3");
    board.steps = {step, step};
    board.video = content::Picture{"/pkg/films/film.mp4", both("影片说明", "About the film")};
    return board;
}

content::Package make_package() {
    content::Package package;
    package.directory = "/pkg";
    package.id = "layout-test";
    package.sample = true;
    content::Zone boards;
    boards.id = "boards";
    boards.title = both("展板知识教育区", "Exhibit-board zone");
    boards.welcome = both("欢迎参观。", "Welcome.");
    content::Section policies{"policies", content::SectionKind::policies, both("政策法规", "Policies"), {}};
    policies.boards = {make_board("everyone", {}, {"thumb.png"}),
                       make_board("wedding", {LifeStage::newly_wed}), make_long_board()};
    content::Section steps{"steps", content::SectionKind::procedures, both("办事流程", "Procedures"), {}};
    steps.boards = {make_board("register", {})};
    content::Section questions{
        "questions", content::SectionKind::hot_topics, both("热点问答", "Questions"), {}};
    questions.boards = {make_board("elders", {LifeStage::later_life})};
    boards.sections = {policies, steps, questions};
    for (const char* id : {"four", "five", "six"}) {  // enough tiles to scroll the home screen in portrait
        content::Section more{id, content::SectionKind::culture, both("婚育文化", "Culture"), {}};
        more.boards = {make_board(std::string("more-") + id, {})};
        boards.sections.push_back(more);
    }
    content::Zone models;
    models.id = "models";
    models.title = both("实物模型展示区", "Physical models");
    content::Section body{
        "body", content::SectionKind::five_periods, both("身体与健康", "Body and health"), {}};
    body.boards = {make_board("heart", {}), make_board("brain", {LifeStage::adolescence})};
    models.sections = {body};
    content::Model model;
    model.id = "body";
    model.title = both("人体模型", "Body model");
    model.picture = "/pkg/images/model.png";
    // A hotspot of fair size, a speck, and one at each edge of the picture.
    model.hotspots = {{both("心脏", "Heart"), 0.40, 0.30, 0.10, 0.10, "heart"},
                      {both("大脑", "Brain"), 0.45, 0.05, 0.01, 0.01, "brain"},
                      {both("左", "Left"), 0.0, 0.45, 0.05, 0.10, "heart"},
                      {both("右侧边缘", "Right edge"), 0.90, 0.85, 0.10, 0.15, "brain"}};
    models.models = {model};
    package.zones = {boards, models};
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

// The hall's screens; the 4K one is a 24" panel, so its fingertip is as many
// pixels as its design (the strictest case for touch targets).
const std::vector<ScreenMetrics> kScreens = {{1920, 1080, 3.6}, {1080, 1920, 3.6}, {3840, 2160, 7.2}};

// The ways to every view of a zone, from its home screen.
std::vector<std::vector<Action>> every_view(const content::Zone& zone) {
    std::vector<std::vector<Action>> paths = {{}, {Action{Kind::choose_filter}}};
    for (std::size_t section = 0; section < zone.sections.size(); ++section) {
        const Action open_section{Kind::open_section, static_cast<int>(section)};
        paths.push_back({open_section});
        for (const content::Board& board : zone.sections[section].boards) {
            const Action open_board{Kind::open_board, -1, board.id};
            paths.push_back({open_section, open_board});
            for (std::size_t picture = 0; picture < board.images.size(); ++picture) {
                paths.push_back(
                    {open_section, open_board, Action{Kind::open_picture, static_cast<int>(picture)}});
            }
        }
    }
    // The chooser over a list and over a board.
    paths.push_back({Action{Kind::open_section, 0}, Action{Kind::choose_filter}});
    paths.push_back({Action{Kind::open_section, 0},
                     Action{Kind::open_board, -1, zone.sections[0].boards[0].id},
                     Action{Kind::choose_filter}});
    for (std::size_t model = 0; model < zone.models.size(); ++model) {
        paths.push_back({Action{Kind::open_model, static_cast<int>(model)}});
    }
    return paths;
}

class ScreenLayoutTest : public ::testing::Test {
  protected:
    struct LaidOut {
        Scene scene;
        Theme theme;
        View view = View::attract;
    };

    // The scene of the view `path` leads to from the zone's home screen, or
    // of the attract loop when `start` is false.
    LaidOut lay_out_view(const content::Zone& zone, const Setting& setting, const std::vector<Action>& path,
                         bool start = true) {
        Navigator navigator(zone);
        if (start) {
            navigator.apply(Action{Kind::start});
        }
        if (setting.language == content::Language::en) {
            navigator.apply(Action{Kind::toggle_language});
        }
        if (setting.large_text) {
            navigator.apply(Action{Kind::toggle_large_text});
        }
        for (const Action& action : path) {
            EXPECT_TRUE(navigator.apply(action)) << "step " << static_cast<int>(action.kind) << " of the way";
        }
        LaidOut laid{Scene{}, Theme::make(setting.screen, setting.large_text, zone.id),
                     navigator.view().view};
        laid.scene = lay_out(LayoutInput{package, navigator, laid.theme, measure, pictures, std::nullopt});
        return laid;
    }
    LaidOut lay_out_view(const std::string& zone_id, const std::vector<Action>& path, Setting setting = {}) {
        return lay_out_view(*package.zone(zone_id), setting, path);
    }

    const content::Package package = make_package();
    const FixedWidthMeasure measure;
    const FakePictureSizes pictures;
};

std::string describe(const Rect& rect) {
    std::ostringstream out;
    out << "(" << rect.x << ", " << rect.y << ", " << rect.w << "x" << rect.h << ")";
    return out.str();
}

bool inside(const Rect& inner, const Rect& outer) {
    return inner.x >= outer.x && inner.y >= outer.y && inner.right() <= outer.right() &&
           inner.bottom() <= outer.bottom();
}

// Where an op draws. A text's box leaves out trailing spaces, which a line
// may keep but nobody sees.
Rect extent(const DrawOp& op, const TextMeasure& measure) {
    if (const auto* text = std::get_if<TextOp>(&op)) {
        std::string visible = text->text;
        while (!visible.empty() && visible.back() == ' ') {
            visible.pop_back();
        }
        return {text->x, text->y, measure.width(visible, text->style), measure.line_height(text->style)};
    }
    if (const auto* fill = std::get_if<FillOp>(&op)) {
        return fill->rect;
    }
    if (const auto* outline = std::get_if<OutlineOp>(&op)) {
        return outline->rect;
    }
    if (const auto* picture = std::get_if<PictureOp>(&op)) {
        return picture->rect;
    }
    if (const auto* shape = std::get_if<ShapeOp>(&op)) {
        if (!shape->triangles || shape->triangles->empty()) {
            return {};
        }
        float left = shape->triangles->front().x;
        float right = left;
        float top = shape->triangles->front().y;
        float bottom = top;
        for (const ShapePoint& point : *shape->triangles) {
            left = std::min(left, point.x);
            right = std::max(right, point.x);
            top = std::min(top, point.y);
            bottom = std::max(bottom, point.y);
        }
        return {static_cast<int>(std::floor(left)), static_cast<int>(std::floor(top)),
                static_cast<int>(std::ceil(right - std::floor(left))),
                static_cast<int>(std::ceil(bottom - std::floor(top)))};
    }
    return std::get<FilmOp>(op).rect;
}

void expect_ops_within(const std::vector<DrawOp>& ops, const Rect& bounds, const TextMeasure& measure,
                       const std::string& where) {
    for (const DrawOp& op : ops) {
        const Rect rect = extent(op, measure);
        const auto* text = std::get_if<TextOp>(&op);
        EXPECT_TRUE(inside(rect, bounds))
            << where << ": " << (text ? "\"" + text->text + "\"" : "op " + std::to_string(op.index()))
            << " at " << describe(rect) << " outside " << describe(bounds);
    }
}

void expect_targets_usable(const std::vector<HitTarget>& targets, const Rect& bounds, const Theme& theme,
                           const std::string& where) {
    for (const HitTarget& target : targets) {
        const std::string what = where + ": target " + std::to_string(static_cast<int>(target.action.kind)) +
                                 " at " + describe(target.rect);
        EXPECT_TRUE(inside(target.rect, bounds)) << what << " outside " << describe(bounds);
        EXPECT_GE(target.rect.w, theme.min_target) << what << " narrower than a fingertip";
        EXPECT_GE(target.rect.h, theme.min_target) << what << " lower than a fingertip";
    }
}

bool has_target(const Scene& scene, Kind kind) {
    return std::any_of(scene.targets.begin(), scene.targets.end(),
                       [kind](const HitTarget& target) { return target.action.kind == kind; });
}

bool has_film(const std::vector<DrawOp>& ops) {
    return std::any_of(ops.begin(), ops.end(),
                       [](const DrawOp& op) { return std::holds_alternative<FilmOp>(op); });
}

// The rules every screen keeps, whatever it shows.
void expect_well_formed(const Scene& scene, const Theme& theme, const TextMeasure& measure, View view,
                        const std::string& where) {
    const Rect screen{0, 0, theme.screen.width, theme.screen.height};
    expect_ops_within(scene.under, screen, measure, where + " (under)");
    expect_ops_within(scene.over, screen, measure, where + " (over)");
    expect_targets_usable(scene.targets, screen, theme, where);
    EXPECT_EQ(scene.shows_film, has_film(scene.under) || has_film(scene.over)) << where;
    if (scene.scroll) {
        const ScrollArea& area = *scene.scroll;
        EXPECT_TRUE(inside(area.viewport, screen)) << where << ": viewport " << describe(area.viewport);
        // Content scrolls up and down, never sideways: it keeps to the viewport's width.
        const Rect column{0, 0, area.viewport.w, std::max(area.content_height, 1)};
        expect_ops_within(area.ops, column, measure, where + " (scrolling)");
        expect_targets_usable(area.targets, column, theme, where + " (scrolling)");
        // Nothing drawn over the page takes a touch meant for what shows of it
        // (the chooser takes them all, on purpose).
        for (const HitTarget& target : area.targets) {
            const double x = area.viewport.x + target.rect.x + target.rect.w / 2.0;
            const double y = area.viewport.y + target.rect.y + target.rect.h / 2.0;
            if (view != View::filter_chooser && area.viewport.contains(x, y)) {
                EXPECT_EQ(scene.hit(x, y, 0), target.action)
                    << where << ": the centre of " << describe(target.rect);
            }
        }
    }
    switch (view) {
        case View::attract:
            EXPECT_EQ(scene.hit(screen.w / 2.0, screen.h / 2.0, 0), Action{Kind::start}) << where;
            break;
        case View::home:
        case View::section:
        case View::board:
        case View::model:
            for (const Kind kind : {Kind::home, Kind::back, Kind::toggle_language, Kind::toggle_large_text,
                                    Kind::choose_filter}) {
                EXPECT_TRUE(has_target(scene, kind))
                    << where << ": no button for action " << static_cast<int>(kind);
            }
            break;
        case View::picture:
        case View::filter_chooser:
            // An overlay's close button is its way back.
            EXPECT_TRUE(has_target(scene, Kind::close_overlay)) << where << ": no way out";
            break;
    }
}

class ScreenLayoutEverywhere : public ScreenLayoutTest, public ::testing::WithParamInterface<Setting> {};

TEST_P(ScreenLayoutEverywhere, EveryViewKeepsToTheScreenWithFingerSizedTargets) {
    int views = 0;
    for (const content::Zone& zone : package.zones) {
        const LaidOut attract = lay_out_view(zone, GetParam(), {}, false);
        expect_well_formed(attract.scene, attract.theme, measure, View::attract, zone.id + " attract");
        for (const std::vector<Action>& path : every_view(zone)) {
            const LaidOut laid = lay_out_view(zone, GetParam(), path);
            std::string where = zone.id + " view " + std::to_string(static_cast<int>(laid.view));
            for (const Action& action : path) {
                where += " " + std::to_string(static_cast<int>(action.kind)) + ":" +
                         (action.board.empty() ? std::to_string(action.index) : action.board);
            }
            expect_well_formed(laid.scene, laid.theme, measure, laid.view, where);
            ++views;
        }
    }
    EXPECT_EQ(views, 30) << "every way of every_view() was laid out";
}

std::vector<Setting> every_setting() {
    std::vector<Setting> settings;
    for (const ScreenMetrics& screen : kScreens) {
        for (const content::Language language : {content::Language::zh, content::Language::en}) {
            for (const bool large : {false, true}) {
                settings.push_back(Setting{screen, language, large});
            }
        }
    }
    return settings;
}

INSTANTIATE_TEST_SUITE_P(AllScreens, ScreenLayoutEverywhere, ::testing::ValuesIn(every_setting()),
                         [](const ::testing::TestParamInfo<Setting>& info) { return name_of(info.param); });

// --- what particular views offer -------------------------------------------------------------------

// The screen point at the centre of a scrolling target, with the page at its top.
std::pair<double, double> screen_centre(const ScrollArea& area, const HitTarget& target) {
    return {area.viewport.x + target.rect.x + target.rect.w / 2.0,
            area.viewport.y + target.rect.y + target.rect.h / 2.0};
}

std::vector<HitTarget> scroll_targets(const Scene& scene, Kind kind) {
    std::vector<HitTarget> found;
    if (scene.scroll) {
        std::copy_if(scene.scroll->targets.begin(), scene.scroll->targets.end(), std::back_inserter(found),
                     [kind](const HitTarget& target) { return target.action.kind == kind; });
    }
    return found;
}

std::vector<std::string> texts_of(const std::vector<DrawOp>& ops) {
    std::vector<std::string> texts;
    for (const DrawOp& op : ops) {
        if (const auto* text = std::get_if<TextOp>(&op)) {
            texts.push_back(text->text);
        }
    }
    return texts;
}

bool shows_text(const std::vector<DrawOp>& ops, const std::string& wanted) {
    const auto texts = texts_of(ops);
    return std::find(texts.begin(), texts.end(), wanted) != texts.end();
}

TEST_F(ScreenLayoutTest, TouchingAHomeTileOpensItsSection) {
    const LaidOut home = lay_out_view("boards", {});
    const auto tiles = scroll_targets(home.scene, Kind::open_section);
    ASSERT_EQ(tiles.size(), 6u);
    for (int index : {0, 1, 2, 3}) {  // the first rows show without scrolling
        const auto [x, y] = screen_centre(*home.scene.scroll, tiles[static_cast<std::size_t>(index)]);
        EXPECT_EQ(home.scene.hit(x, y, 0), (Action{Kind::open_section, index})) << "tile " << index;
    }
}

TEST_F(ScreenLayoutTest, TouchingAModelTileOpensTheModel) {
    const LaidOut home = lay_out_view("models", {});
    const auto tiles = scroll_targets(home.scene, Kind::open_model);
    ASSERT_EQ(tiles.size(), 1u);
    const auto [x, y] = screen_centre(*home.scene.scroll, tiles[0]);
    EXPECT_EQ(home.scene.hit(x, y, 0), (Action{Kind::open_model, 0}));
}

TEST_F(ScreenLayoutTest, ScrolledTilesAreHitWhereTheyAreDrawn) {
    const LaidOut home = lay_out_view("boards", {}, Setting{{1920, 1080, 3.6}, content::Language::zh, true});
    const ScrollArea& area = *home.scene.scroll;
    ASSERT_GT(area.content_height, area.viewport.h) << "six tall tiles in large text need scrolling";
    const HitTarget& last = area.targets.back();
    const int offset = area.content_height - area.viewport.h;
    const double x = area.viewport.x + last.rect.x + last.rect.w / 2.0;
    const double y = area.viewport.y + last.rect.y - offset + last.rect.h / 2.0;
    EXPECT_EQ(home.scene.hit(x, y, offset), last.action);
}

TEST_F(ScreenLayoutTest, TouchingABoardCardOpensTheBoard) {
    const LaidOut section = lay_out_view("boards", {Action{Kind::open_section, 0}});
    const auto cards = scroll_targets(section.scene, Kind::open_board);
    ASSERT_EQ(cards.size(), 3u);
    const std::vector<std::string> ids = {"everyone", "wedding", "long"};
    for (std::size_t index = 0; index < cards.size(); ++index) {
        const auto [x, y] = screen_centre(*section.scene.scroll, cards[index]);
        EXPECT_EQ(section.scene.hit(x, y, 0), (Action{Kind::open_board, -1, ids[index]}));
    }
}

TEST_F(ScreenLayoutTest, TheFilterListsOnlyTheBoardsForTheVisitorsStage) {
    const LaidOut section = lay_out_view(
        "boards", {Action{Kind::choose_filter}, Action{Kind::set_filter, -1, {}, LifeStage::newly_wed},
                   Action{Kind::open_section, 0}});
    const auto cards = scroll_targets(section.scene, Kind::open_board);
    ASSERT_EQ(cards.size(), 2u);
    EXPECT_EQ(cards[0].action.board, "everyone");
    EXPECT_EQ(cards[1].action.board, "wedding");
    EXPECT_TRUE(shows_text(section.scene.over, words::visitor_of(LifeStage::newly_wed).zh))
        << "the filter button names the chosen stage";
}

TEST_F(ScreenLayoutTest, ASectionWithNothingForTheStageOffersToShowEverything) {
    const LaidOut section = lay_out_view(
        "boards", {Action{Kind::choose_filter}, Action{Kind::set_filter, -1, {}, LifeStage::adolescence},
                   Action{Kind::open_section, 2}});
    EXPECT_TRUE(scroll_targets(section.scene, Kind::open_board).empty());
    const auto everything = scroll_targets(section.scene, Kind::set_filter);
    ASSERT_EQ(everything.size(), 1u);
    EXPECT_FALSE(everything[0].action.stage) << "the button sets no filter";
}

TEST_F(ScreenLayoutTest, ALongBoardScrollsAndAShortOneDoesNot) {
    for (const ScreenMetrics& screen : kScreens) {
        const Setting setting{screen, content::Language::zh, false};
        const LaidOut long_board = lay_out_view(
            "boards", {Action{Kind::open_section, 0}, Action{Kind::open_board, -1, "long"}}, setting);
        ASSERT_TRUE(long_board.scene.scroll);
        EXPECT_GT(long_board.scene.scroll->content_height, long_board.scene.scroll->viewport.h)
            << name_of(setting);
        const LaidOut short_board = lay_out_view(
            "boards", {Action{Kind::open_section, 1}, Action{Kind::open_board, -1, "register"}}, setting);
        ASSERT_TRUE(short_board.scene.scroll);
        EXPECT_LE(short_board.scene.scroll->content_height, short_board.scene.scroll->viewport.h)
            << name_of(setting);
    }
}

TEST_F(ScreenLayoutTest, ABoardShowsWhereItStandsWithArrowsOnlyTowardsItsNeighbours) {
    const auto open_section = Action{Kind::open_section, 0};
    const LaidOut first = lay_out_view("boards", {open_section, Action{Kind::open_board, -1, "everyone"}});
    EXPECT_TRUE(shows_text(first.scene.over, "1 / 3"));
    EXPECT_TRUE(has_target(first.scene, Kind::next_board));
    EXPECT_FALSE(has_target(first.scene, Kind::previous_board));
    const LaidOut last = lay_out_view("boards", {open_section, Action{Kind::open_board, -1, "long"}});
    EXPECT_TRUE(shows_text(last.scene.over, "3 / 3"));
    EXPECT_FALSE(has_target(last.scene, Kind::next_board));
    EXPECT_TRUE(has_target(last.scene, Kind::previous_board));
    for (const HitTarget& target : last.scene.targets) {
        if (target.action.kind == Kind::previous_board) {
            EXPECT_FALSE(target.rect.intersects(last.scene.scroll->viewport)) << "the arrow covers the text";
        }
    }
}

TEST_F(ScreenLayoutTest, TouchingABoardsPictureOpensItAndTheViewerKeepsItsShape) {
    const std::vector<Action> path = {Action{Kind::open_section, 0}, Action{Kind::open_board, -1, "long"}};
    const LaidOut board = lay_out_view("boards", path);
    const auto pictures_shown = scroll_targets(board.scene, Kind::open_picture);
    ASSERT_EQ(pictures_shown.size(), 3u);
    EXPECT_EQ(pictures_shown[0].action.index, 0);
    const Rect tall = pictures_shown[0].rect;
    EXPECT_NEAR(static_cast<double>(tall.h) / tall.w, 3.0, 0.05) << "a 600x1800 picture keeps its shape";

    std::vector<Action> to_viewer = path;
    to_viewer.push_back(Action{Kind::open_picture, 1});
    const LaidOut viewer = lay_out_view("boards", to_viewer);
    const auto picture = std::find_if(viewer.scene.under.begin(), viewer.scene.under.end(),
                                      [](const DrawOp& op) { return std::holds_alternative<PictureOp>(op); });
    ASSERT_NE(picture, viewer.scene.under.end());
    const Rect shown = std::get<PictureOp>(*picture).rect;
    EXPECT_EQ(shown.w, 1920) << "a 16:9 picture fills a 16:9 screen";
    EXPECT_EQ(shown.h, 1080);
    EXPECT_FALSE(viewer.scene.scroll);
}

TEST_F(ScreenLayoutTest, TheChooserTakesEveryTouchAndOffersEveryStageAndEveryone) {
    const LaidOut chooser =
        lay_out_view("boards", {Action{Kind::open_section, 0}, Action{Kind::choose_filter}});
    int stages = 0;
    bool everyone = false;
    for (const HitTarget& target : chooser.scene.targets) {
        if (target.action.kind == Kind::set_filter) {
            stages += target.action.stage ? 1 : 0;
            everyone = everyone || !target.action.stage;
            const double x = target.rect.x + target.rect.w / 2.0;
            const double y = target.rect.y + target.rect.h / 2.0;
            EXPECT_EQ(chooser.scene.hit(x, y, 0), target.action);
        }
    }
    EXPECT_EQ(stages, 5);
    EXPECT_TRUE(everyone);
    EXPECT_EQ(chooser.scene.hit(5, 5, 0), Action{Kind::close_overlay})
        << "a touch beside the panel closes it";
    EXPECT_FALSE(has_target(chooser.scene, Kind::home)) << "the page under the chooser takes no touch";
    ASSERT_TRUE(chooser.scene.scroll) << "the section list shows under the chooser";
    EXPECT_TRUE(chooser.scene.scroll->targets.empty());
}

TEST_F(ScreenLayoutTest, AModelsHotspotsOpenTheirBoardsEvenWhenTiny) {
    const LaidOut model = lay_out_view("models", {Action{Kind::open_model, 0}});
    std::vector<std::string> opened;
    for (const HitTarget& target : model.scene.targets) {
        if (target.action.kind == Kind::open_board) {
            opened.push_back(target.action.board);
            EXPECT_GE(std::min(target.rect.w, target.rect.h), model.theme.min_target);
        }
    }
    EXPECT_EQ(opened, (std::vector<std::string>{"heart", "brain", "heart", "brain"}));
}

TEST_F(ScreenLayoutTest, TheTitleBarSpeaksTheVisitorsLanguageFirst) {
    const LaidOut zh = lay_out_view("boards", {});
    const LaidOut en = lay_out_view("boards", {}, Setting{{1920, 1080, 3.6}, content::Language::en, false});
    const auto zh_texts = texts_of(zh.scene.over);
    const auto en_texts = texts_of(en.scene.over);
    ASSERT_FALSE(zh_texts.empty());
    ASSERT_FALSE(en_texts.empty());
    EXPECT_EQ(zh_texts[0], "展板知识教育区");
    EXPECT_EQ(en_texts[0], "Exhibit-board zone");
    EXPECT_TRUE(shows_text(zh.scene.over, "English"));
    EXPECT_TRUE(shows_text(en.scene.over, "中文"));
}

TEST_F(ScreenLayoutTest, LargeTextSetsABoardInBiggerLettersOverMoreOfThePage) {
    const std::vector<Action> path = {Action{Kind::open_section, 1},
                                      Action{Kind::open_board, -1, "register"}};
    const LaidOut normal = lay_out_view("boards", path);
    const LaidOut large =
        lay_out_view("boards", path, Setting{{1920, 1080, 3.6}, content::Language::zh, true});
    EXPECT_GT(large.theme.body.size_px, normal.theme.body.size_px);
    EXPECT_GT(large.scene.scroll->content_height, normal.scene.scroll->content_height);
    // The bars keep their size so the page does not jump about.
    EXPECT_EQ(large.theme.top_bar, normal.theme.top_bar);
    EXPECT_EQ(large.theme.button, normal.theme.button);
}

TEST_F(ScreenLayoutTest, SampleContentIsMarkedOnEveryScreen) {
    for (const std::vector<Action>& path : every_view(*package.zone("boards"))) {
        const LaidOut laid = lay_out_view("boards", path);
        EXPECT_TRUE(shows_text(laid.scene.over, "示例内容 · Sample content")) << static_cast<int>(laid.view);
    }
}

}  // namespace
}  // namespace kiosk::ui

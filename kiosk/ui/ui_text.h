#pragma once
// The words of the exhibit's own buttons and labels, in both languages.

#include <string>

#include "content/package.h"

namespace kiosk::ui::words {

inline const content::Bilingual home{"首页", "Home"};
inline const content::Bilingual back{"返回", "Back"};
inline const content::Bilingual i_am{"我是…", "I am…"};
inline const content::Bilingual large_text{"大字", "Large text"};
inline const content::Bilingual touch_to_start{"触摸屏幕开始", "Touch to start"};
inline const content::Bilingual now_showing{"正在播放", "Now showing"};
inline const content::Bilingual sample{"示例内容", "Sample content"};
inline const content::Bilingual close{"关闭", "Close"};
inline const content::Bilingual play_film{"播放影片", "Play the film"};
inline const content::Bilingual everyone{"全部内容", "Everyone"};
inline const content::Bilingual boards_count{"个展板", "boards"};
inline const content::Bilingual for_whom{"适合：", "For: "};
inline const content::Bilingual what_to_bring{"需带材料", "What to bring"};
inline const content::Bilingual where_to_go{"办理地点", "Where to go"};
inline const content::Bilingual step{"第 {} 步", "Step {}"};
inline const content::Bilingual nothing_for_stage{"这一栏目暂无适合您的内容",
                                                  "Nothing here for this stage of life yet"};
inline const content::Bilingual show_everything{"显示全部内容", "Show everything"};
inline const content::Bilingual touch_a_marker{"请点击模型上的标记", "Touch a marker on the model"};
inline const content::Bilingual question{"问", "Q"};
inline const content::Bilingual answer{"答", "A"};

// The life-stage filter's buttons: who the visitor is, in their words.
const content::Bilingual& visitor_of(content::LifeStage stage);
// The stage's name as a board's audience ("新婚期").
const content::Bilingual& stage_name(content::LifeStage stage);

// The other language's name, for the language button: "English" or "中文".
std::string other_language(content::Language language);

}  // namespace kiosk::ui::words

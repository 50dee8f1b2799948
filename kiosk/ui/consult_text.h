#pragma once
// The words of asking for help (ConsultFlow's screens), in both languages.
// "{}" stands for what fill_in() puts there.

#include <array>
#include <string>

#include "content/package.h"

namespace kiosk::ui::consult_words {

inline const content::Bilingual ask_for_help{"咨询", "Ask for help"};
inline const content::Bilingual choose_category{"请选择您要咨询的事项", "What do you need help with?"};
inline const content::Bilingual choose_topic{"请选择具体问题", "Which of these is it about?"};
inline const content::Bilingual other_topic{"其他", "Other"};
inline const content::Bilingual check_request{"请确认您的咨询", "Please check your request"};
inline const content::Bilingual subject{"咨询事项", "Subject"};
inline const content::Bilingual topic{"具体问题", "Topic"};
inline const content::Bilingual submit{"提交", "Submit"};
inline const content::Bilingual call_me_back{"请回电", "Call me back"};
inline const content::Bilingual no_call_back{"不用回电", "No call-back"};
inline const content::Bilingual call_back_number{"回电号码", "Call-back number"};
inline const content::Bilingual consent_title{"回电需要您的同意", "A call back needs your consent"};
inline const content::Bilingual consent_text{
    "您留下的手机号码只用于工作人员就本次咨询给您回电，不作他用；保存 {} 天后自动删除。",
    "Your mobile number is used only to call you back about this request, for nothing else. It is kept for "
    "{} "
    "days, then deleted."};
inline const content::Bilingual consent_tick{"我同意留下手机号码，用于本次咨询的回电",
                                             "I agree to leave my number for a call back about this request"};
inline const content::Bilingual consent_needed{"请先勾选上面的同意框", "Please tick the box above first"};
inline const content::Bilingual go_on{"继续", "Continue"};
inline const content::Bilingual enter_number{"请输入您的手机号码", "Enter your mobile number"};
inline const content::Bilingual number_hint{"11 位手机号码", "11-digit mobile number"};
inline const content::Bilingual not_mobile{"这不是手机号码：请输入以 1 开头的 11 位号码",
                                           "That is not a mobile number: enter 11 digits starting with 1"};
inline const content::Bilingual delete_digit{"删除", "Delete"};
inline const content::Bilingual done{"完成", "Done"};
inline const content::Bilingual saving{"正在登记…", "Saving…"};
inline const content::Bilingual registered{"登记成功", "You are registered"};
inline const content::Bilingual your_number{"您的排队号", "Your number"};
inline const content::Bilingual go_to{"请到{}等候叫号", "Please go to {} and wait to be called"};
inline const content::Bilingual will_call{"工作人员会给您回电", "Staff will call you back"};
inline const content::Bilingual rate_service{"请为本次服务评价", "How was this service?"};
inline const content::Bilingual rate_desk{"请为刚才的服务评价", "How was the service you just had?"};
inline const content::Bilingual skip{"跳过", "Skip"};
inline const content::Bilingual reason_title{"哪里让您不满意？（可不选）", "What went wrong? (optional)"};
inline const std::array<content::Bilingual, 4> reasons{{{"等候时间长", "Long wait"},
                                                        {"没有解决问题", "Problem not solved"},
                                                        {"态度不好", "Unfriendly staff"},
                                                        {"流程复杂", "Too complicated"}}};
inline const content::Bilingual no_reason{"不选原因，直接提交", "Submit without a reason"};
inline const content::Bilingual thanks_rated{"感谢您的评价！", "Thank you for your rating!"};
inline const content::Bilingual thanks{"谢谢！", "Thank you!"};
inline const content::Bilingual number_reminder{"您的排队号：{}", "Your number: {}"};
inline const content::Bilingual back_home{"返回首页", "Back to home"};
inline const content::Bilingual unavailable{"暂时无法登记，请到服务台", "Please see the desk"};
inline const content::Bilingual unavailable_detail{
    "这台屏幕暂时无法登记咨询。请到{}，工作人员会为您办理。",
    "This screen cannot take requests just now. Please go to {}: staff there will help you."};

// `pattern` with its "{}" replaced by `value`.
inline std::string fill_in(const std::string& pattern, const std::string& value) {
    const auto at = pattern.find("{}");
    return at == std::string::npos ? pattern : pattern.substr(0, at) + value + pattern.substr(at + 2);
}

}  // namespace kiosk::ui::consult_words

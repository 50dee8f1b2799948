#include "hall_programme.h"

namespace scheduler::test {

HallProgramme make_hall_programme() {
    using std::chrono::minutes;
    using std::chrono::seconds;
    ProgrammeBuilder b;
    HallProgramme hall;
    const MediaId birth = b.film("birth-of-life", minutes(8));
    const MediaId pregnancy = b.film("pregnancy-education", minutes(12) + seconds(30));
    const MediaId spacing = b.film("birth-spacing", minutes(6));
    const MediaId newly_wed = b.film("newly-wed", minutes(9));
    const MediaId poster = b.still("policy-poster");
    const MediaId lecture = b.film("policy-lecture", minutes(15));
    const MediaId welcome = b.film("delegation-welcome", minutes(4) + seconds(50));
    const MediaId guide = b.film("model-guide", minutes(5));
    const MediaId festive = b.film("festive-reel", minutes(20));
    const MediaId screening = b.film("screening-howto", minutes(4));

    hall.av_loop = b.playlist("av-loop", {birth, pregnancy, spacing, poster});
    hall.av_morning = b.playlist("av-weekday-morning", {pregnancy, newly_wed});
    hall.av_lunch = b.playlist("av-lunch", {spacing});
    hall.av_weekend = b.playlist("av-weekend", {birth, newly_wed, festive});
    hall.boards_loop = b.playlist("boards-loop", {poster, spacing});
    hall.school_visit = b.playlist("school-visit", {birth, spacing});
    hall.models_loop = b.playlist("models-loop", {guide});
    hall.festive = b.playlist("festive", {festive});
    hall.health_loop = b.playlist("health-loop", {screening, poster});
    hall.policy_lecture = b.playlist("policy-lecture", {lecture});
    // The poster shows 10 s by default: 4 min 50 s + 10 s = 5 minutes.
    hall.delegation = b.playlist("delegation-welcome", {welcome, poster});

    const std::vector<std::string> all{"boards", "models", "av", "health"};
    b.closed(all, "18:00", "08:30");
    b.closed(all, "00:00", "24:00", "mon");
    b.closed({"health"}, "16:30", "09:00");
    b.closed({"health"}, "00:00", "24:00", "sat,sun");

    b.rule(hall.av_morning, {"av"}, "09:00", "12:00", "tue-fri", 10);
    b.rule(hall.av_lunch, {"av"}, "12:00", "13:00", "daily", 5);
    b.rule(hall.av_weekend, {"av"}, "13:00", "17:00", "sat,sun", 10);
    b.rule(hall.school_visit, {"boards"}, "09:30", "11:30", "wed", 10);
    b.rule(hall.festive, {"models"}, "00:00", "24:00", "daily", 1, "2026-12-01..2026-12-31");

    b.interrupt(hall.policy_lecture, {"av", "boards"}, "10:00", "tue-fri");
    b.interrupt_once(hall.delegation, all, "14:30", "2026-12-02");

    b.default_playlist("av", hall.av_loop, ClosedMode::slate);
    b.default_playlist("boards", hall.boards_loop, ClosedMode::blank);
    b.default_playlist("models", hall.models_loop, ClosedMode::blank);
    b.default_playlist("health", hall.health_loop, ClosedMode::blank);
    hall.programme = b.programme();
    return hall;
}

}  // namespace scheduler::test

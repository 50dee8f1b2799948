#pragma once
// A realistic programme of the hall, used by the week and year tests and the benchmark.
//
//   Hall open Tuesday to Sunday 08:30-18:00; closed Mondays and at night.
//   av:      loop by default; weekday mornings (tue-fri 09:00-12:00, priority 10),
//            a lunchtime reel daily 12:00-13:00 (priority 5), weekend afternoons
//            (sat,sun 13:00-17:00, priority 10); the 15-minute policy lecture
//            cuts in at 10:00 tue-fri. Closed: quiet slate.
//   boards:  loop; school visits wed 09:30-11:30; the policy lecture at 10:00 tue-fri.
//   models:  loop; the December festive reel all day in December (priority 1).
//   health:  loop; open tue-fri 09:00-16:30 only (closed: blank).
//   All zones: a delegation welcome (5 min) at 14:30 on 2026-12-02.

#include "programme_builder.h"

namespace scheduler::test {

struct HallProgramme {
    Programme programme;
    PlaylistId av_loop, av_morning, av_lunch, av_weekend, boards_loop, school_visit, models_loop, festive,
        health_loop, policy_lecture, delegation;
};

HallProgramme make_hall_programme();

}  // namespace scheduler::test

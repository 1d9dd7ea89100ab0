"""Training: multi-turn GRPO and TT-OPD (requires torch; never imported by the core).

The algorithm core is a set of small pure functions on torch tensors, one job per
module, each unit-tested with hand-computed values:

- :mod:`healthgym.train.grpo`: group-normalised advantages, the PPO clipped token
  loss over policy tokens, KL estimators, loss aggregation modes;
- :mod:`healthgym.train.length`: the cosine length-controlled reward in model tokens;
- :mod:`healthgym.train.ema`: the gradient-free EMA teacher;
- :mod:`healthgym.train.hints`: outcome-privileged hints, their insertion into the
  teacher's context and their removal from the teacher's per-token values;
- :mod:`healthgym.train.masks`: per-token turn indices and padding;
- :mod:`healthgym.train.turn_kl`: the turn-level truncated reverse-KL distillation loss;
- :mod:`healthgym.train.schedules`: the schedule of the distillation weight lambda
  and the learning-rate factor.

The single-machine trainer (:mod:`healthgym.train.trainer`) wires them with rollout
collection (:mod:`healthgym.train.collect`), the training reward
(:mod:`healthgym.train.rewards`), the optimiser step's loss maths
(:mod:`healthgym.train.update`), model loading/saving (:mod:`healthgym.train.models`)
and checkpoints (:mod:`healthgym.train.checkpoint`).

Nothing is imported eagerly here, so ``import healthgym.train.grpo`` stays cheap.
"""

"""verl adapter: HealthGym tasks, tools and rewards in verl's own formats (verl 0.9).

- :mod:`.export`: tasks -> verl RL parquet rows ``{data_source, prompt, ability,
  reward_model, agent_name, extra_info{tools_kwargs, ...}}``;
- :mod:`.tool_config`: the tool-config YAML of one or several domains;
- :mod:`.tool`: :class:`~.tool.HealthGymTool`, a ``verl.tools.base_tool.BaseTool``
  backed by HealthGym environments (the only module that imports verl);
- :mod:`.reward`: ``compute_score(data_source, solution_str, ground_truth, extra_info)``
  for verl's ``custom_reward_function``.

Only :mod:`.tool` needs verl installed (verl pins an older transformers: use a separate
virtual environment, see ``scripts/verl_env.sh``).
"""

"""Intents the forms leave to their rules (data/rules/guided.yml)."""

# Never read as an answer: urgent help and leaving the form.
SKIP_INTENTS = frozenset({"emergency", "suicidal", "threat", "stop", "restart", "human_handoff", "goodbye",
                          "delete_my_data"})
# Answered by a rule in the middle of a form, after which the form asks again: read as an answer only when the
# message does answer the question that was asked.
RULE_INTENTS = frozenset({"faq", "ask_law_article", "legal_advice", "capabilities", "bot_challenge", "greet",
                          "thank", "out_of_scope", "share_personal_data", "other_language", "unreadable",
                          "nlu_fallback", "ask_privacy"})

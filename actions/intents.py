"""Intents the forms leave to their rules (data/rules/guided.yml)."""

# Never read as an answer: urgent help and leaving the form.
SKIP_INTENTS = frozenset({"emergency", "suicidal", "self_harm", "threat", "crisis_help", "stop", "restart",
                          "human_handoff", "goodbye", "delete_my_data"})
# Answered by a rule in the middle of a form, after which the form asks again: read as an answer only when the
# message does answer the question that was asked.
RULE_INTENTS = frozenset({"faq", "ask_law_article", "legal_advice", "capabilities", "bot_challenge", "greet",
                          "thank", "out_of_scope", "share_personal_data", "other_language", "unreadable",
                          "nlu_fallback", "ask_privacy", "medical_worry", "safety_check"})
# Of those, the intents of questions the FAQ and other rules answer (a question with one of them is read as a
# route answer only when it answers the slot asked for), and the messages that are never a route answer unless
# they answer the slot asked for, question or not.
QUESTION_INTENTS = frozenset({"faq", "ask_law_article", "legal_advice", "capabilities", "bot_challenge"})
OTHER_RULE_INTENTS = frozenset({"out_of_scope", "other_language", "share_personal_data", "unreadable"})

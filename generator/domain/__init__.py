"""Pure rules with no markup and no Danish UI text: numbers, costs, the budget, combinations."""

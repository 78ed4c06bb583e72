from django import forms


class ReactionForm(forms.Form):
    type = forms.CharField(max_length=100)
    id = forms.IntegerField(min_value=1)
    action = forms.ChoiceField(choices=[("add", "add"), ("remove", "remove")])

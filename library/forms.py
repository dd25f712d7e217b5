from django import forms

from library.models import DocumentFile


class DocumentFileAdminForm(forms.ModelForm):
    """A language version in the admin; a new upload records its name, size and type."""

    class Meta:
        model = DocumentFile
        fields = ["language", "file"]
        # The plain input: a private file has no URL to link to as "currently".
        widgets = {"file": forms.FileInput}

    def save(self, commit=True):
        if "file" in self.changed_data:
            self.instance.describe_upload(self.cleaned_data["file"])
        return super().save(commit)

app_name = "workplan"

urlpatterns = []
